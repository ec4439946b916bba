import os, signal, socket, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind("\0proxy")
s.listen(8)
pid = os.fork()
if pid == 0:
    c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    c.connect("\0proxy")
    c.send(b"hi\n\x00\x01")
    try:
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 1))
    except OSError:
        pass
    os._exit(3)
a, _ = s.accept()
print(a.recv(10))
os.waitpid(pid, 0)
p2 = os.fork()
if p2 == 0:
    time.sleep(5)
    os._exit(0)
os.kill(p2, signal.SIGKILL)
os.waitpid(p2, 0)
s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
s6.bind(("::1", 0))
try: os.kill(999999, 0)
except OSError: pass
