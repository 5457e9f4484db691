import asyncio

background_tasks = set()


async def create_user(payload, db):
    user = await db.save(payload)
    asyncio.create_task(send_welcome_email(user.email, user.name))
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-asyncio-task
    asyncio.ensure_future(audit(user.id))
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-asyncio-task
    loop = asyncio.get_running_loop()
    loop.create_task(warm_cache())
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-asyncio-task
    asyncio.get_event_loop().create_task(ping())
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-asyncio-task
    background_tasks.add(asyncio.create_task(notify(user)))
    #                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-asyncio-task
    return user


async def fan_out(urls):
    tasks = [asyncio.create_task(fetch(u)) for u in urls]
    # ok: kept and gathered below
    first = asyncio.create_task(fetch(urls[0]))
    # ok: assigned, awaited below
    await asyncio.create_task(fetch(urls[1]))
    # ok: awaited
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch(urls[2]))
        # ok: the TaskGroup awaits its tasks
    return await asyncio.gather(*tasks), await first


def add_todo(payload):
    create_task(payload)
    # ok: the app's own function that creates a to-do item


asyncio.ensure_future(startup())
# ok: module level
