import asyncio

from fastapi import APIRouter, Depends, HTTPException, Request
from sqlalchemy.orm import Session

from database import get_db
from models import User
from schemas import UserCreate, UserOut
from services import analytics, notifications, profiles, ratelimit

router = APIRouter(prefix='/users', tags=['users'])


@router.get('/{user_id}', response_model=UserOut)
def get_user(user_id: int, request: Request, db: Session = Depends(get_db)):
    analytics.track_visit(request.client.host)
    user = db.get(User, user_id)
    if user is None:
        raise HTTPException(status_code=404, detail='User not found')
    return user


@router.get('/{user_id}/profile')
def get_profile(user_id: int):
    profile = profiles.load_profile(user_id)
    if profile is None:
        raise HTTPException(status_code=404, detail='Profile not found')
    return profile


@router.post('/', response_model=UserOut, status_code=201)
async def create_user(payload: UserCreate, request: Request, db: Session = Depends(get_db)):
    if ratelimit.is_rate_limited(request.client.host, 'signup'):
        raise HTTPException(status_code=429, detail='Too many sign-ups, try again later')
    user = User(email=payload.email, name=payload.name)
    db.add(user)
    db.commit()
    db.refresh(user)
    asyncio.create_task(notifications.send_welcome_email(user.email, user.name))
    return user
