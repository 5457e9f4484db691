from decimal import Decimal

from pydantic import BaseModel, ConfigDict, EmailStr, Field


class ItemCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    description: str = ''
    price: Decimal = Field(gt=0)
    cost: Decimal = Field(ge=0)
    stock: int = 0


class ItemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    description: str
    price: Decimal
    stock: int


class UserCreate(BaseModel):
    email: EmailStr
    name: str = Field(min_length=1, max_length=120)


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: EmailStr
    name: str
