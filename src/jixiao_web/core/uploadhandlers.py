"""An upload handler that stops oversized uploads while they stream in.

Django writes an upload to memory or a temporary file before the view runs; this handler,
placed first in ``FILE_UPLOAD_HANDLERS``, skips any file beyond ``JIXIAO_UPLOAD_MAX_BYTES`` and
stops storing a request whose files add up to more than ``JIXIAO_UPLOAD_MAX_TOTAL_BYTES``. It notes what it
refused on the request (``request.jixiao_refused_uploads``) so the view can say so.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopUpload


class LimitedUploadHandler(FileUploadHandler):
    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0
        if request is not None and not hasattr(request, "jixiao_refused_uploads"):
            request.jixiao_refused_uploads = []

    def _refuse(self, reason: str) -> None:
        if self.request is not None:
            self.request.jixiao_refused_uploads.append(reason)

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.total = 0
        return None

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        self.total = getattr(self, "total", 0) + len(raw_data)
        total_limit = settings.JIXIAO_UPLOAD_MAX_TOTAL_BYTES
        if self.total > total_limit:
            # The rest of the body is read and thrown away; the fields before the files (the
            # CSRF token, the organisation) are kept, so the view can answer with a message.
            self._refuse(f"上传内容过大（上限 {total_limit // 1048576} MB）")
            raise StopUpload(connection_reset=False)
        limit = settings.JIXIAO_UPLOAD_MAX_BYTES
        if self.received > limit:
            self._refuse(f"文件“{self.file_name}”过大（上限 {limit // 1048576} MB）")
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size):
        return None
