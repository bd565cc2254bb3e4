"""jixiao_web: the Django web system built on the jixiao core (which never imports Django)."""
