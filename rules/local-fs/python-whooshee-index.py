from app.extensions import db, whooshee, registry


@whooshee.register_model('name', 'username')
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-whooshee-index
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)


@registry.register
# ok: not a Whooshee registration call
class Plain:
    pass
