import asyncio
import os
import subprocess
from subprocess import Popen, check_output

subprocess.run(['git', 'rev-parse', 'HEAD'])
# ok: module level (start-up)


def render_pdf(html, bin_path):
    result = subprocess.run([bin_path, '--quiet', '-', '-'], input=html, capture_output=True)
    #        ^^^^^^^^^^^^^^ long-running/python-subprocess
    version = check_output(['convert', '--version'])
    #         ^^^^^^^^^^^^ long-running/python-subprocess
    os.system('convert-thumbnails --all')
    #^^^^^^^^ long-running/python-subprocess
    proc = Popen(['ffmpeg', '-i', '-'])
    #      ^^^^^ long-running/python-subprocess
    return result.stdout, version, proc


async def convert(path):
    proc = await asyncio.create_subprocess_exec('convert', path)
    #            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/python-subprocess
    return await proc.wait()


def not_processes(runner, path):
    runner.run(path)
    # ok: an object's own run method
    os.path.join(path, 'x')
    # ok: os, but no process
    return asyncio.run(convert(path))
    # ok: asyncio.run runs a coroutine


def fire_and_forget(path):
    subprocess.Popen(['convert', path])
    # ok: never waited on (background-work/python-popen-unwaited)
    worker = Popen(['convert', path])
    # ok: kept but never waited on either
    with Popen(['convert', path]) as proc:
        #^^^^^ long-running/python-subprocess
        proc.wait()
    out, _ = subprocess.Popen(['convert', path]).communicate()
    #        ^^^^^^^^^^^^^^^^ long-running/python-subprocess
    return out
