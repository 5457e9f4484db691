//! Modules a Python program loads by name from a registry
//! (`importlib.import_module(REGISTRY[kind]['module'])`) are server code like
//! the ones it imports; third-party code vendored under `vendor/` is not
//! the application's code and raises nothing.

mod common;

use common::{scan_path, temp_dir, write_files};

#[test]
fn registry_modules_are_server_code_and_vendor_code_is_not() {
    let dir = temp_dir("registry-imports");
    let files = [
        ("requirements.txt", "fastapi\nultralytics\ntorch\n"),
        (
            "main.py",
            "from fastapi import FastAPI\nfrom handler import Handler\n\napp = FastAPI()\n\n\
             @app.on_event('startup')\ndef boot():\n    Handler().load_model('yolo')\n\n\
             @app.get('/health')\ndef health():\n    return {'ok': True}\n",
        ),
        (
            "handler.py",
            "import importlib\n\nREGISTRY = {\n    'yolo': {'module': 'detectors.yolo', 'class': 'Yolo'},\n    \
             'other': {'module': 'no.such.module', 'class': 'Other'},\n}\n\n\
             class Handler:\n    def load_model(self, kind):\n        info = REGISTRY[kind]\n        \
             cls = getattr(importlib.import_module(info['module']), info['class'])\n        \
             model = cls()\n        model.load()\n",
        ),
        (
            "detectors/yolo.py",
            "from ultralytics import YOLO\nfrom vendor.lightnet.params import load as load_params\n\n\n\
             class Yolo:\n    def load(self):\n        self.model = YOLO('weights.pt')\n        \
             self.params = load_params('params.pt')\n",
        ),
        (
            "vendor/lightnet/params.py",
            "import torch\n\n\ndef load(path):\n    return torch.load(path)\n",
        ),
    ];
    write_files(&dir, &files);
    let report = scan_path(&dir);
    let places: Vec<(&str, &str)> = report
        .findings
        .iter()
        .map(|f| (f.at.rule.as_str(), f.at.file.as_str()))
        .collect();
    assert!(
        places.contains(&("heavy-startup/python-model-load", "detectors/yolo.py")),
        "{places:?}"
    );
    assert!(
        !places.iter().any(|(_, file)| file.starts_with("vendor/")),
        "{places:?}"
    );
}
