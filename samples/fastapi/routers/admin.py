"""Back-office endpoints, mounted under `ADMIN_PREFIX` (a pydantic setting, config.py)."""
import time

from fastapi import APIRouter, Depends, Request

from config import AdminSettings, get_settings

router = APIRouter(tags=['admin'])


@router.get('/settings')
def read_settings(cfg: AdminSettings = Depends(get_settings)):
    return {'maintenance_banner': cfg.MAINTENANCE_BANNER, 'max_page_size': cfg.MAX_PAGE_SIZE}


@router.post('/maintenance')
def toggle_maintenance(request: Request, on: bool = True):
    request.app.state.maintenance = on
    request.app.state.maintenance_since = time.time()
    return {'maintenance': on}


@router.get('/maintenance')
def maintenance_status(request: Request):
    return {'maintenance': getattr(request.app.state, 'maintenance', False)}
