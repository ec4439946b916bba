"""What the per-design scenario scripts share: socket addresses as strace prints them, and writing
a design's scenario folder (kernel-patches/<design>/scenarios/) afresh from a table."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def in4(port, addr="127.0.0.1"):
    return f'{{sa_family=AF_INET, sin_port=htons({port}), sin_addr=inet_addr("{addr}")}}, 16'


def in6(port, addr="::1"):
    return (f'{{sa_family=AF_INET6, sin6_port=htons({port}), sin6_flowinfo=htonl(0), '
            f'inet_pton(AF_INET6, "{addr}", &sin6_addr), sin6_scope_id=0}}, 28')


class ScenarioSet:
    """The scenarios of one design, in the order added; write() replaces the folder's *.trace files."""

    def __init__(self, design):
        self.design = design
        self.scenarios = {}

    def add(self, name, sources, events, setup=None, user=False):
        self.scenarios[name] = (sources, events, setup, user)

    def write(self):
        folder = os.path.join(HERE, "..", self.design, "scenarios")
        os.makedirs(folder, exist_ok=True)
        for old in os.listdir(folder):
            if old.endswith(".trace"):
                os.remove(os.path.join(folder, old))
        for name, (sources, events, setup, user) in self.scenarios.items():
            lines = ["# isolation-trace 1", f"# scenario: {self.design}-{name}", f"# design: {self.design}"]
            if setup:
                lines.append(f"# setup: {setup}")
            if user:
                lines.append("# user: 1000")
            lines += [f"# source: {s}" for s in sources] + events
            with open(os.path.join(folder, name + ".trace"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
