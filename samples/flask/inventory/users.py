import os

from flask import Blueprint, abort, jsonify, request, session
from werkzeug.security import check_password_hash
from werkzeug.utils import secure_filename

from .auth import login_required
from .extensions import db
from .models import User

bp = Blueprint('users', __name__, url_prefix='/users')

UPLOAD_DIR = '/var/lib/inventory/avatars'
ALLOWED_AVATAR_EXTENSIONS = ('.png', '.jpg', '.jpeg')


@bp.route('/<int:id>', methods=['GET', 'PUT'])
@login_required
def user_detail(id):
    user = db.session.get(User, id) or abort(404)
    if request.method == 'PUT':
        payload = request.get_json(force=True)
        user.display_name = payload.get('display_name', user.display_name)
        user.email = payload.get('email', user.email)
        db.session.commit()
    return jsonify(user.to_dict())


@bp.post('/login')
def login():
    payload = request.get_json(force=True)
    user = User.query.filter_by(email=payload.get('email')).first()
    if user is None or not check_password_hash(user.password_hash, payload.get('password', '')):
        abort(401)
    session['user_id'] = user.id
    return jsonify(user.to_dict())


@bp.post('/logout')
def logout():
    session.clear()
    return '', 204


@bp.post('/<int:id>/avatar')
@login_required
def upload_avatar(id):
    file = request.files.get('avatar')
    if file is None or not file.filename.lower().endswith(ALLOWED_AVATAR_EXTENSIONS):
        abort(400)
    name = f'{id}-{secure_filename(file.filename)}'
    file.save(os.path.join(UPLOAD_DIR, name))
    user = db.session.get(User, id) or abort(404)
    user.avatar_path = name
    db.session.commit()
    return jsonify(avatar=name), 201
