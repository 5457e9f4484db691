"""Catalog API entry point: `uvicorn main:app`."""
from fastapi import APIRouter, FastAPI, WebSocket, WebSocketDisconnect
from fastapi.middleware.cors import CORSMiddleware

import settings
from routers import items, predict, reports, users

app = FastAPI(title='Catalog API', version='2.3.0')
app.add_middleware(
    CORSMiddleware,
    allow_origins=list(settings.CORS_ORIGINS),
    allow_methods=['*'],
    allow_headers=['*'],
)

api_router = APIRouter()
api_router.include_router(users.router)

app.include_router(items.router, prefix='/v1')
app.include_router(api_router, prefix='/api')
app.include_router(reports.router)
app.include_router(predict.router, prefix='/v1')

connected_clients: list[WebSocket] = []


@app.api_route('/ping', methods=['GET', 'HEAD'])
async def ping():
    return {'pong': True}


@app.websocket('/ws')
async def websocket_endpoint(websocket: WebSocket):
    await websocket.accept()
    connected_clients.append(websocket)
    try:
        async for message in websocket.iter_text():
            for client in list(connected_clients):
                await client.send_text(message)
    except WebSocketDisconnect:
        pass
    finally:
        connected_clients.remove(websocket)


# Back-office routes, under a prefix the deployment may change (a pydantic setting).
from config import admin_settings  # noqa: E402
from routers import admin  # noqa: E402

app.include_router(admin.router, prefix=admin_settings.ADMIN_PREFIX)
