from fastapi import APIRouter

from services import churn

router = APIRouter(prefix='/predict', tags=['predict'])


@router.post('/churn')
async def predict_churn(customer: dict):
    return {'customer': customer.get('id'), 'churn': churn.score(customer)}
