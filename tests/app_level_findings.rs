//! Findings that belong to the application rather than to one line: heavy
//! imports are one cold-start finding per application (the heaviest import
//! leads, the other import lines are its `also` places), and a socket
//! broadcast counts on the HTTP routes that make it, while on the socket
//! endpoint itself the socket server is the finding.

mod common;

use common::{has_rule, rules_of, scan_path, temp_dir, write_files};

#[test]
fn heavy_imports_are_one_finding_per_application() {
    let dir = temp_dir("once-per-app");
    write_files(
        &dir,
        &[
            ("requirements.txt", "flask\nnumpy\ntorch\n"),
            (
                "app.py",
                "from flask import Flask\nimport numpy as np\nfrom models import score\n\napp = Flask(__name__)\n\n\
                 @app.route('/mean')\ndef mean():\n    return {'mean': float(np.mean([1, 2]))}\n\n\
                 @app.route('/score')\ndef run_score():\n    return {'score': score()}\n",
            ),
            (
                "models.py",
                "import torch\nimport numpy\n\n\ndef score():\n    return float(torch.zeros(1).sum())\n",
            ),
        ],
    );
    let report = scan_path(&dir);
    let heavy: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.at.rule == "heavy-startup/python-heavy-import")
        .collect();
    assert_eq!(heavy.len(), 1, "{heavy:?}");
    let lead = heavy[0];
    // torch is not measured: the heaviest; numpy's two lines are `also`.
    assert_eq!((lead.at.file.as_str(), lead.at.line), ("models.py", 1));
    assert!(
        lead.at.message.contains("`torch`, `numpy`"),
        "{}",
        lead.at.message
    );
    let also: Vec<(&str, u32)> = lead
        .also
        .iter()
        .map(|p| (p.file.as_str(), p.line))
        .collect();
    assert_eq!(also, [("app.py", 2), ("models.py", 2)]);
    assert_eq!(lead.routes, ["GET /mean", "GET /score"]);
    // Each route still lists the imports it loads.
    assert!(has_rule(&rules_of(&report, "GET /mean"), "heavy-startup/"));
}

#[test]
fn a_broadcast_counts_on_http_routes_not_on_the_socket_endpoint() {
    let dir = temp_dir("broadcast-http-only");
    write_files(
        &dir,
        &[
            (
                "package.json",
                r#"{"dependencies": {"express": "^4", "socket.io": "^4"}}"#,
            ),
            (
                "app.js",
                r#"const express = require('express');
const http = require('http');
const { Server } = require('socket.io');
const app = express();
const server = http.createServer(app);
const io = new Server(server);

io.on('connection', (socket) => {
  socket.on('join', (room) => {
    socket.join(room);
    io.to(room).emit('joined', socket.id);
  });
});

app.post('/notify', (req, res) => {
  io.emit('notice', req.body);
  res.sendStatus(204);
});

server.listen(3000);
"#,
            ),
        ],
    );
    let report = scan_path(&dir);
    let notify = rules_of(&report, "POST /notify");
    assert!(
        has_rule(&notify, "long-lived-connection/js-socket-broadcast"),
        "{notify:?}"
    );
    let socket = rules_of(&report, "WS /socket.io/");
    assert!(
        !has_rule(&socket, "long-lived-connection/js-socket-broadcast"),
        "{socket:?}"
    );
    assert!(
        has_rule(&socket, "long-lived-connection/js-websocket-server"),
        "{socket:?}"
    );
    // The event handler's emit (line 11) is no finding of its own.
    assert!(
        !report
            .findings
            .iter()
            .any(|f| f.at.rule == "long-lived-connection/js-socket-broadcast" && f.at.line == 11),
        "{:?}",
        report.findings
    );
}
