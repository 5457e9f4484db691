from flask_avatars import Avatars, Identicon

avatars = Avatars()


def upload_avatar(form, user):
    filename = avatars.save_avatar(form.image.data)
    #          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-flask-avatars
    user.avatar_raw = filename


def crop(user, x, y, w, h):
    return avatars.crop_avatar(user.avatar_raw, x, y, w, h)
    #      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-flask-avatars


def generate_avatar(user):
    avatar = Identicon()
    filenames = avatar.generate(text=user.username)
    #           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-flask-avatars
    return filenames


def avatar_url(user):
    # ok: a hosted avatar service's URL, nothing written
    return avatars.gravatar(user.email_hash)


def summary(model, text):
    # ok: generate on something that is not an avatar
    return model.generate(text=text)
