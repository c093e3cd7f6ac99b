"""A real nginx (Debian's package) in front of team-server replicas: round robin, no stickiness, streaming
answers unbuffered, the client's address passed on as a reverse proxy does."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import httpx

from tests.support.live import free_port

INSTALL = "apt-get install nginx-light"

CONFIG = """
worker_processes 1;
{user}
error_log {folder}/error.log warn;
pid {folder}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
  access_log {folder}/access.log;
  client_body_temp_path {folder}/body;
  proxy_temp_path {folder}/proxy;
  fastcgi_temp_path {folder}/fastcgi;
  uwsgi_temp_path {folder}/uwsgi;
  scgi_temp_path {folder}/scgi;
  upstream team {{
{servers}
    keepalive 32;
    keepalive_timeout 4s;  # below uvicorn's 5 s, so nginx never reuses a connection the replica closed
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://team;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      proxy_read_timeout 300s;
      proxy_next_upstream error timeout;
    }}
  }}
}}
"""


class Nginx:
    def __init__(self, folder: Path, upstreams: list[int], port: int | None = None):
        binary = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
        if binary is None:
            raise RuntimeError(f"nginx is not installed: {INSTALL} (Debian's package).")
        self.binary, self.folder, self.upstreams = binary, folder, upstreams
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> Nginx:
        self.folder.mkdir(parents=True, exist_ok=True)
        servers = "\n".join(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;" for port in self.upstreams)
        user = "user root;" if os.geteuid() == 0 else ""  # workers as root can write the test's own folder
        conf = self.folder / "nginx.conf"
        conf.write_text(CONFIG.format(folder=self.folder, servers=servers, port=self.port, user=user))
        self.process = subprocess.Popen([self.binary, "-p", str(self.folder), "-c", str(conf), "-g", "daemon off;"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.process.stderr.read().decode(errors='replace')}")
            try:
                httpx.get(f"{self.url}/healthz", timeout=1)
                return self
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not start within 15 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None

    def served_by(self) -> list[str]:
        """The upstream of each request nginx passed on, from its access log (`$upstream_addr` is not logged by
        default, so the replicas' own logs tell this; kept for debugging)."""
        return (self.folder / "access.log").read_text().splitlines()
