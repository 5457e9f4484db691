"""Back-office settings (pydantic-settings): each field's default is overridden by the
environment variable of the same name (`ADMIN_PREFIX=/ops`)."""
from functools import lru_cache

from pydantic_settings import BaseSettings


class AdminSettings(BaseSettings):
    ADMIN_PREFIX: str = '/back-office'
    MAINTENANCE_BANNER: str = ''
    MAX_PAGE_SIZE: int = 200


admin_settings = AdminSettings()


@lru_cache
def get_settings() -> AdminSettings:
    """Settings for `Depends(...)`: read once from the environment, then fixed."""
    return AdminSettings()
