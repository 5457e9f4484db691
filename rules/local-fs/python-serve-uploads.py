from flask import Blueprint, current_app, send_from_directory
import flask

bp = Blueprint('main', __name__)


@bp.route('/uploads/<path:filename>')
def get_image(filename):
    return send_from_directory(current_app.config['ALBUMY_UPLOAD_PATH'], filename)
    #      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-serve-uploads


@bp.route('/avatars/<path:filename>')
def get_avatar(filename):
    return flask.send_from_directory(AVATARS_SAVE_PATH, filename)
    #      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-serve-uploads


@bp.route('/assets/<path:filename>')
def get_asset(filename):
    # ok: files shipped with the code
    return send_from_directory('static/dist', filename)


@bp.route('/docs/<path:filename>')
def get_doc(filename):
    # ok: a build folder, not uploaded content
    return send_from_directory(current_app.config['DOCS_BUILD_DIR'], filename)
