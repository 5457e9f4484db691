import subprocess
import sys
from subprocess import Popen

subprocess.Popen(["warm-cache"])
# ok: module level (start-up)


def start_import(path):
    subprocess.Popen([sys.executable, "manage.py", "import", path])
    #^^^^^^^^^^^^^^^ background-work/python-popen-unwaited
    return "started", 202


def start_worker(path):
    worker = Popen(["convert", path])
    #        ^^^^^ background-work/python-popen-unwaited
    return "started"


def convert_and_wait(path):
    proc = subprocess.Popen(["convert", path])
    # ok: waited on below (long-running/python-subprocess)
    proc.wait()
    return path


def convert_with(path):
    with Popen(["convert", path]) as proc:
        # ok: the with block waits on it
        proc.communicate()


def piped(path):
    out, _ = subprocess.Popen(["convert", path]).communicate()
    # ok: communicate() waits
    return out


def handed_back(path):
    proc = Popen(["tail", "-f", path])
    # ok: returned to the caller, which may wait on it
    return proc
