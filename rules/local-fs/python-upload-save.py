import io
import os

from django.core.files.storage import FileSystemStorage, default_storage
from flask import request
from werkzeug.utils import secure_filename

UPLOAD_DIR = '/var/lib/app/avatars'


def upload_avatar(id):
    file = request.files.get('avatar')
    name = f'{id}-{secure_filename(file.filename)}'
    file.save(os.path.join(UPLOAD_DIR, name))
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-upload-save
    request.files['doc'].save(f'/srv/docs/{name}')
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-upload-save
    request.files.get('cv').save(dest_path)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-upload-save
    uploaded_file = request.files['x']
    uploaded_file.save(target_path)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-upload-save
    return name


def django_upload(request):
    myfile = request.FILES['myfile']
    fs = FileSystemStorage()
    filename = fs.save(myfile.name, myfile)
    #          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-upload-save
    path = default_storage.save('uploads/x.txt', myfile)
    #      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-upload-save
    FileSystemStorage(location='/srv/media').save(myfile.name, myfile)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-upload-save
    return filename, path


def orm(order, form, serializer, product):
    order.save()
    # ok: Django model save, no argument
    product.save(update_fields=['stock'])
    # ok: keyword arguments only
    obj = form.save(commit=False)
    # ok: a ModelForm
    serializer.save(owner=order.user)
    # ok: a DRF serializer
    return obj


def in_memory(image, file):
    buf = io.BytesIO()
    image.save(buf, 'PNG')
    # ok: into a buffer (and `image` is not an upload name)
    file.save(buf)
    # ok: into a buffer
    return buf
