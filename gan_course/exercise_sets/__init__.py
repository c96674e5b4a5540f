"""One module per lesson (``eNN.py``) registering that lesson's exercises; see gan_course.exercises."""
