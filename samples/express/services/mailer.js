const fs = require('fs');
const path = require('path');
const nodemailer = require('nodemailer');
const config = require('../config');

const transport = nodemailer.createTransport(config.smtp);

function render(template, vars) {
  const html = fs.readFileSync(path.join(__dirname, 'templates/welcome.html'), 'utf8');
  return html.replace(/\{\{(\w+)\}\}/g, (_, key) => String(vars[key] ?? ''));
}

async function sendWelcome(user) {
  await transport.sendMail({
    from: config.mailFrom,
    to: user.email,
    subject: 'Welcome to the shop',
    html: render('welcome', { name: user.name, email: user.email }),
  });
}

module.exports = { sendWelcome };
