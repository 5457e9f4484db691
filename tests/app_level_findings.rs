//! Findings that belong to the application rather than to one line: heavy
//! imports are one cold-start finding per application (the heaviest import
//! leads, the other import lines are its `also` places), and a socket
//! broadcast counts on the HTTP routes that make it, while on the socket
//! endpoint itself the socket server is the finding; Action Cable is the
//! `WS /cable` endpoint, and a broadcast counts only with the in-process
//! adapter; Active Storage on the Disk service is the application's finding.

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

/// A Rails app with an Action Cable connection and a channel, a controller
/// that broadcasts, `config/cable.yml` with the given production section and
/// Active Storage's production service set to `service`; `model` is
/// app/models/user.rb.
fn rails_cable_app(
    tag: &str,
    cable_production: &str,
    service: &str,
    model: &str,
) -> std::path::PathBuf {
    let dir = temp_dir(tag);
    let cable = format!("development:\n  adapter: async\n\nproduction:\n{cable_production}");
    let production = format!(
        "Rails.application.configure do\n  config.active_storage.service = {service}\nend\n"
    );
    write_files(
        &dir,
        &[
            ("Gemfile", "source 'https://rubygems.org'\ngem 'rails'\n"),
            (
                "config/routes.rb",
                "Rails.application.routes.draw do\n  resources :messages, only: [:create]\n  get 'health', to: 'health#show'\nend\n",
            ),
            (
                "app/controllers/messages_controller.rb",
                "class MessagesController < ApplicationController\n  def create\n    ActionCable.server.broadcast(\"room\", params[:body])\n    head :ok\n  end\nend\n",
            ),
            (
                "app/controllers/health_controller.rb",
                "class HealthController < ApplicationController\n  def show\n    head :ok\n  end\nend\n",
            ),
            (
                "app/channels/application_cable/connection.rb",
                "module ApplicationCable\n  class Connection < ActionCable::Connection::Base\n    identified_by :current_user\n\n    def connect\n      self.current_user = User.find(cookies.encrypted[:user_id])\n    end\n  end\nend\n",
            ),
            (
                "app/channels/room_channel.rb",
                "class RoomChannel < ApplicationCable::Channel\n  def subscribed\n    stream_from \"room\"\n  end\nend\n",
            ),
            ("config/cable.yml", cable.as_str()),
            ("app/models/user.rb", model),
            (
                "config/storage.yml",
                "test:\n  service: Disk\n  root: tmp/storage\n\nlocal:\n  service: Disk\n  root: storage\n\namazon:\n  service: S3\n  bucket: app\n",
            ),
            ("config/environments/production.rb", production.as_str()),
            (
                "config/environments/development.rb",
                "Rails.application.configure do\n  config.active_storage.service = :local\nend\n",
            ),
        ],
    );
    dir
}

#[test]
fn action_cable_is_the_cable_endpoint_and_a_redis_broadcast_is_no_finding() {
    let dir = rails_cable_app(
        "cable-redis",
        "  adapter: redis\n  url: redis://localhost:6379\n",
        ":amazon",
        "class User < ApplicationRecord\n  has_one_attached :avatar\nend\n",
    );
    let report = scan_path(&dir);
    // Rails mounts the cable server at /cable: the connection's endpoint.
    let cable = rules_of(&report, "WS /cable");
    assert!(
        has_rule(&cable, "long-lived-connection/ruby-action-cable"),
        "{cable:?}"
    );
    // Broadcasting is a Redis publish: nothing to report on the request.
    let create = rules_of(&report, "POST /messages");
    assert!(!has_rule(&create, "long-lived-connection/"), "{create:?}");
    // `:amazon` in production (`:local` only in development): no local storage.
    assert!(!has_rule(&create, "local-fs/"), "{create:?}");
}

#[test]
fn an_async_cable_broadcast_and_local_active_storage_are_findings() {
    let dir = rails_cable_app(
        "cable-async",
        "  adapter: async\n",
        ":local",
        "class User < ApplicationRecord\n  has_one_attached :avatar\nend\n",
    );
    let report = scan_path(&dir);
    let create = rules_of(&report, "POST /messages");
    assert!(
        has_rule(&create, "long-lived-connection/ruby-cable-async-broadcast"),
        "{create:?}"
    );
    // Production keeps blobs on the Disk service: the app's finding.
    assert!(
        has_rule(&create, "local-fs/ruby-active-storage-disk"),
        "{create:?}"
    );
    let health = rules_of(&report, "GET /health");
    assert!(!has_rule(&health, "long-lived-connection/"), "{health:?}");
}

#[test]
fn local_active_storage_without_attachments_is_no_finding() {
    // Rails configures `:local` in every new app; no model stores a file.
    let dir = rails_cable_app(
        "storage-unused",
        "  adapter: redis\n",
        ":local",
        "class User < ApplicationRecord\n  has_one :profile\nend\n",
    );
    let report = scan_path(&dir);
    let create = rules_of(&report, "POST /messages");
    assert!(!has_rule(&create, "local-fs/"), "{create:?}");
}
