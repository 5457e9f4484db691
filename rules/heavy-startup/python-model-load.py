import json

import joblib
import timm
import torch
from transformers import AutoModel, pipeline
from ultralytics import YOLO

encoder = AutoModel.from_pretrained("org/encoder")
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/python-model-load
classifier = pipeline("sentiment-analysis")
#            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/python-model-load


class Detector:
    def __init__(self, path):
        self.model = YOLO(path)
        #            ^^^^^^^^^^ heavy-startup/python-model-load
        self.backbone = timm.create_model("efficientnet_b0", pretrained=True)
        #               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/python-model-load
        state = torch.load("weights.pt", map_location="cpu")
        #       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/python-model-load
        self.backbone.load_state_dict(state)
        # ok: applies weights already in memory


def first_request(path):
    return joblib.load(path)
    #      ^^^^^^^^^^^^^^^^^ heavy-startup/python-model-load


def settings(path):
    with open(path) as f:
        return json.load(f)
        # ok: a JSON file, not a model
    scratch = timm.create_model("resnet18", pretrained=False)
    # ok: no weights downloaded
