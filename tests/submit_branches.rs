//! A view that serves GET and POST runs the body of `if
//! form.validate_on_submit():` / `if request.method == 'POST':` (or an `elif`
//! with that test) only on the
//! submitted form: the GET route does not carry what that branch does; a
//! negated test or code outside the branch counts for both.

mod common;

use common::{has_rule, rules_of, scan_path, temp_dir};

const APP: &str = r#"import threading
from flask import Flask, request, render_template

app = Flask(__name__)


def send_async(msg):
    threading.Thread(target=deliver, args=(msg,)).start()


def deliver(msg):
    pass


@app.route('/register', methods=['GET', 'POST'])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        send_async(form.email.data)
    return render_template('register.html', form=form)


@app.route('/upload', methods=['GET', 'POST'])
def upload():
    if request.method == 'POST' and 'file' in request.files:
        f = request.files['file']
        f.save(os.path.join(app.config['UPLOAD_PATH'], f.filename))
    return render_template('upload.html')


@app.route('/remind', methods=['GET', 'POST'])
def remind():
    form = RemindForm()
    if not form.validate_on_submit():
        send_async('invalid')
    return render_template('remind.html', form=form)


@app.route('/import', methods=['GET', 'POST'])
def import_data():
    if request.method == "GET":
        return render_template('import.html')
    elif request.method == "POST":
        send_async('import')
        return 'started'


@app.route('/notify', methods=['GET', 'POST'])
def notify():
    if request.method == "POST":
        pass
    elif request.args.get('now'):
        send_async('now')
    return 'ok'
"#;

#[test]
fn a_get_skips_the_branch_of_a_submitted_form() {
    let dir = temp_dir("submit-branches");
    std::fs::write(dir.join("requirements.txt"), "flask\nflask-wtf\n").unwrap();
    std::fs::write(dir.join("app.py"), APP).unwrap();
    let report = scan_path(&dir);
    let on = |id: &str, rule: &str| has_rule(&rules_of(&report, id), rule);
    let thread = "background-work/python-thread";
    let upload = "local-fs/python-upload-save";
    assert!(on("POST /register", thread) && !on("GET /register", thread));
    assert!(on("POST /upload", upload) && !on("GET /upload", upload));
    // ok: a negated test runs its branch on a GET too
    assert!(on("GET /remind", thread) && on("POST /remind", thread));
    // an `elif request.method == "POST":` branch is the POST's alone; another
    // `elif` after a POST test runs on a GET too
    assert!(on("POST /import", thread) && !on("GET /import", thread));
    assert!(on("GET /notify", thread) && on("POST /notify", thread));
}
