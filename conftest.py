"""Test-wide settings: tests run offline and in quick mode unless told otherwise.

``GAN_COURSE_QUICK=0 pytest`` runs the notebooks at full size (slow);
``GAN_COURSE_OFFLINE`` defaults to 1 so no test ever touches the network.
The notebook kernels started by nbval inherit these variables.
"""
import os

os.environ.setdefault("GAN_COURSE_QUICK", "1")
os.environ.setdefault("GAN_COURSE_OFFLINE", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
if os.environ["GAN_COURSE_QUICK"].strip().lower() in ("0", "false", "no", "off"):
    del os.environ["GAN_COURSE_QUICK"]
