"""Project configuration: settings per environment, URLs, WSGI/ASGI entry points."""
