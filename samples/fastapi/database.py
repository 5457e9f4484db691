"""SQLAlchemy engine and session factory (one pool per process)."""
from sqlalchemy import create_engine
from sqlalchemy.orm import declarative_base, sessionmaker

import settings

engine = create_engine(settings.DATABASE_URL, pool_size=5, max_overflow=10, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)
Base = declarative_base()


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
