"""The pre-2022 endpoint still polled by version 1 of the mobile app."""
from flask import jsonify, redirect, request, url_for

legacy_hits = 0


def legacy_view():
    global legacy_hits
    legacy_hits += 1
    if request.args.get('items'):
        return redirect(url_for('api.items'), code=301)
    return jsonify(message='This endpoint is deprecated; use /api/items', hits=legacy_hits)
