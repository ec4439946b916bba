import os, signal, socket, array, threading
signal.signal(signal.SIGUSR1, lambda *a: None)
a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
r, w = os.pipe()
a.sendmsg([b"x"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [r]))])
msg, anc, flags, addr = b.recvmsg(10, socket.CMSG_SPACE(4))
os.kill(os.getpid(), signal.SIGUSR1)
t = threading.Thread(target=lambda: None); t.start(); t.join()
pid = os.fork()
if pid == 0:
    os.execv("/bin/true", ["true"])
os.waitpid(pid, 0)
try:
    socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("10.255.255.1", 80))
except OSError: pass
