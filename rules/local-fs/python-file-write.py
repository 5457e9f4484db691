import codecs
import csv
import io
import os
import shutil
import tarfile
import tempfile
import zipfile
from pathlib import Path

REPORT_DIR = '/tmp/reports'
BASE_DIR = os.path.dirname(__file__)

with open(os.path.join(BASE_DIR, 'zones.json'), encoding='utf-8') as fh:
    ZONES = fh.read()
# ok: a read at import time


def export_report(rows, name):
    path = os.path.join(REPORT_DIR, name)
    os.makedirs(REPORT_DIR, exist_ok=True)
    # ok: creating a directory alone writes no data
    with open(path, 'w', newline='') as fh:
    #    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-write
        csv.writer(fh).writerows(rows)
    with open(path, mode='ab') as fh:
    #    ^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-write
        fh.write(b'\n')
    with codecs.open(path, "r+", "utf-8") as fh:
    #    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-write
        fh.read()
    Path(REPORT_DIR, 'latest.txt').write_text(name)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-write
    out_path = Path(REPORT_DIR) / 'summary.txt'
    out_path.write_bytes(b'')
    #^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-write
    formatter.write_text('usage: ...')
    # ok: click's HelpFormatter, not a file
    (Path(REPORT_DIR) / 'x.bin').open('wb').close()
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-write
    shutil.copy(path, '/var/backups/')
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-write
    os.replace(path + '.tmp', path)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-write
    with tarfile.open(path + '.tgz', 'w:gz') as tar:
    #    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-write
        tar.add(path)
    with zipfile.ZipFile(path + '.zip', 'w') as zf:
    #    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-write
        zf.write(path)
    return path


def save_frame(df, fig, day):
    df.to_csv(f'/data/exports/{day}.csv', index=False)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-write
    fig.savefig(os.path.join(REPORT_DIR, 'chart.png'))
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-write
    buf = io.StringIO()
    df.to_csv(buf)
    # ok: an in-memory buffer
    text = df.to_csv()
    # ok: returns a string
    return buf, text


def zipped(files):
    zip_output = io.BytesIO()
    with zipfile.ZipFile(zip_output, 'w') as zf:
        # ok: an in-memory archive
        zf.writestr('a.txt', files[0])
    return zip_output


def quiet():
    return open('/dev/null', 'w')
    # ok: a device, not a file on disk


def read_only(path):
    with open(path) as fh:
        data = fh.read()
    # ok: default mode is 'r'
    with open(path, 'rb') as fh:
        raw = fh.read()
    # ok: binary read
    with open(path, encoding='utf-8') as fh:
        text = fh.read()
    # ok: read with an encoding
    with open(path, 'r', encoding='utf-8') as fh:
        text = fh.read()
    # ok: explicit read mode
    content = Path(path).read_text()
    # ok: a read
    return data, raw, text, content


def scratch(payload, s3):
    with tempfile.NamedTemporaryFile(suffix='.pdf') as tmp:
        tmp.write(payload)
        # ok: a tempfile scratch file used within the request
        s3.upload_file(tmp.name, 'bucket', 'key')
    with tarfile.open(fileobj=io.BytesIO(payload)) as tar:
        # ok: reading an archive
        return tar.getnames()


def resize_image(image, filename, base_width):
    img = Image.open(image)
    img = img.resize((base_width, base_width))
    img.save(os.path.join(UPLOAD_PATH, filename), optimize=True, quality=85)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-write
    buf = io.BytesIO()
    # ok: into an in-memory buffer
    img.save(buf, 'PNG')
    # ok: an in-memory buffer built in place
    img.save(io.BytesIO(), 'PNG')
    # ok: an ORM object's save, not an image
    photo_row.save()
    return buf
