from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from fastapi import APIRouter
from fastapi.responses import JSONResponse, StreamingResponse
from flask import Response, jsonify, send_file, stream_with_context
from sse_starlette.sse import EventSourceResponse

router = APIRouter()


@router.get('/{item_id}/stream')
async def stream_item_price(item_id: int):
    return StreamingResponse(price_events(item_id), media_type='text/event-stream')
    #      ^^^^^^^^^^^^^^^^^ long-lived-connection/python-streaming-response


async def events(request):
    return EventSourceResponse(generator())
    #      ^^^^^^^^^^^^^^^^^^^ long-lived-connection/python-streaming-response


def export(request):
    return StreamingHttpResponse(rows(), content_type='text/csv')
    #      ^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/python-streaming-response


def flask_stream():
    return Response(stream_with_context(generate()), mimetype='text/event-stream')
    #               ^^^^^^^^^^^^^^^^^^^ long-lived-connection/python-streaming-response


def flask_sse():
    return Response(generate(), mimetype='text/event-stream')
    #      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/python-streaming-response


def plain():
    return Response('ok', mimetype='text/plain')
    # ok: an ordinary response


def download(request):
    return FileResponse(open('report.pdf', 'rb'))
    # ok: a file sent in one go


def json_view():
    return JSONResponse({'ok': True}), jsonify(ok=True), HttpResponse('x'), send_file('a.pdf')
    # ok: ordinary responses
