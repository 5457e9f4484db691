"""Catalog API (flask-restx): Resource classes in a namespace, on an Api built on a blueprint."""
import subprocess

from flask import Blueprint
from flask_restx import Api, Namespace, Resource

from .extensions import db
from .models import Item

bp = Blueprint('catalog', __name__, url_prefix='/catalog')
api = Api(bp, doc=False)
ns = Namespace('catalog-entries')


@ns.route('')
class EntryList(Resource):
    def get(self):
        return [item.id for item in Item.query.all()]


@ns.route('/<int:entry_id>')
class Entry(Resource):
    def get(self, entry_id):
        return {'id': db.get_or_404(Item, entry_id).id}

    def delete(self, entry_id):
        db.session.delete(db.get_or_404(Item, entry_id))
        db.session.commit()
        return '', 204


@ns.route('/rebuild')
class Rebuild(Resource):
    def post(self):
        # Started and left running: nothing waits on the process.
        subprocess.Popen(['rebuild-catalog', '--all'])
        return {'status': 'started'}, 202


api.add_namespace(ns, '/entries')
