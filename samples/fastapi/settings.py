"""Runtime configuration, read from the environment once at import."""
import os

DATABASE_URL = os.environ.get('DATABASE_URL', 'postgresql+psycopg2://catalog:catalog@localhost:5432/catalog')
WAREHOUSE_DSN = os.environ.get('WAREHOUSE_DSN', 'dbname=warehouse user=reporting host=localhost')
REDIS_URL = os.environ.get('REDIS_URL', 'redis://localhost:6379/0')
REDIS_HOST = os.environ.get('REDIS_HOST', 'localhost')
REDIS_PORT = int(os.environ.get('REDIS_PORT', '6379'))
MONGO_URL = os.environ.get('MONGO_URL', 'mongodb://localhost:27017')
MONGO_DB = os.environ.get('MONGO_DB', 'catalog')
WATCHERS_WEBHOOK_URL = os.environ.get('WATCHERS_WEBHOOK_URL', 'https://hooks.example.com/catalog')
MAILER_URL = os.environ.get('MAILER_URL', 'https://mailer.internal/api/send')
CORS_ORIGINS = ('https://shop.example.com', 'http://localhost:5173')
CHURN_MODEL_PATH = os.environ.get('CHURN_MODEL_PATH', 'models/churn-gbm.joblib')
