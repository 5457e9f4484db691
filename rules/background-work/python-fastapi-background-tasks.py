from fastapi import APIRouter, BackgroundTasks
from starlette.background import BackgroundTask
from starlette.responses import JSONResponse

router = APIRouter()


@router.post('/')
def create_item(payload: dict, background_tasks: BackgroundTasks):
    background_tasks.add_task(notify_watchers, payload['id'], payload['name'])
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-fastapi-background-tasks
    return payload


@router.post('/signup')
async def signup(payload: dict):
    task = BackgroundTask(send_welcome_email, payload['email'])
    #      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-fastapi-background-tasks
    return JSONResponse(payload, background=task)


def notify_watchers(item_id, name):
    return item_id, name
    # ok: the task itself


def send_welcome_email(email):
    return email
