const { sendMail } = require('./mailer');

async function pushNotification(tokens, message) {
  await fetch('https://exp.host/--/api/v2/push/send', { method: 'POST', body: JSON.stringify({ tokens, message }) });
}

const saveHistory = async (user, message) => {
  await History.updateOne({ user }, { message });
};

async function deleteFile(name) {
  fs.unlink(path.join(__dirname, 'public', name), () => {});
}

const fetchProfile = async (id) => fetch(`/users/${id}`);

async function loadUser(id) {
  return db.users.findOne({ id });
}

function formatMessage(message) {
  return { ...message, at: Date.now() };
}

class Notifier {
  static async notify(user) {
    await pushNotification([user.token], 'hi');
  }
}

async function main() {
  await listen();
}

async function sendMessage(ctx) {
  const message = await Message.create(ctx.data);
  pushNotification(ctx.tokens, message);
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/js-floating-promise
  saveHistory(ctx.user, message).catch(console.error);
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/js-floating-promise
  // ok: awaited
  await pushNotification(ctx.tokens, message);
  // ok: the promise is returned to the caller, who awaits it
  return saveHistory(ctx.user, message);
}

async function reply(ctx) {
  // ok: a plain function, nothing is left running
  formatMessage(ctx.data);
  // ok: kept and awaited later
  const pending = saveHistory(ctx.user, ctx.data);
  // ok: a library or an imported function whose definition is not in the program
  sendMail(ctx.user);
  // ok: a parameter
  ctx.done();
  // ok: a method (left to the rules on objects)
  Notifier.notify(ctx.user);
  // ok: the callback answers the request when the promise settles
  saveHistory(ctx.user, ctx.data).then(() => ctx.reply());
  // ok: an async function that awaits nothing has settled when it returns
  deleteFile(ctx.data.name);
  fetchProfile(ctx.user.id);
//^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/js-floating-promise
  loadUser(ctx.user.id);
//^^^^^^^^^^^^^^^^^^^^^^ background-work/js-floating-promise
  await pending;
}

// ok: at module level (the entry point starting the server)
main();
