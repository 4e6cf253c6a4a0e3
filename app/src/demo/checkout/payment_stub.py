"""A local stand-in for the card provider's charge API (loopback only): POST /v1/charges answers
after a delay that varies from call to call like a real provider's (120 to 580 ms, a fixed sequence
so every capture waits the same way), with a charge id."""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

calls = 0


class Charges(BaseHTTPRequestHandler):
    def do_POST(self):
        global calls
        calls += 1
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep((120 + (calls * 97) % 461) / 1000.0)
        body = json.dumps({"id": "ch_%06d" % calls, "status": "succeeded"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Charges).serve_forever()
