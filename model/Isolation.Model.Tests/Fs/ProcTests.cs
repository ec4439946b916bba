using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Fs;

/// <summary>/proc: fs/proc/base.c and fs/proc/root.c (6.12); the attr and access errnos checked on 6.18.</summary>
public sealed class ProcTests
{
    [Fact]
    public void SelfStatus_RendersNameStateAndIds()
    {
        var h = new ProcHarness(user: 1000);
        h.Setup("p1 open(\"/proc/self/status\", O_RDONLY)");
        var read = h.Run("p1 read(3, \"\", 4096)");
        Assert.Equal("\"Name:\\tp1\\nState:\\tR (running)\\nUid:\\t1000\\t1000\\t1000\\t1000\\nGid:\\t1000\\t1000\\t1000\\t1000\\n\"", ProcHarness.Output(read, 1));
        Assert.Equal("0", h.R("p1 read(3, \"\", 4096)"));
    }

    [Fact]
    public void Getdents64OnProc_ListsEveryProcessAliveOrZombie_ThenTheEnd()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p2 exit_group(0)", "p1 open(\"/proc\", O_RDONLY|O_DIRECTORY)");
        var list = h.Run("p1 getdents64(3, [], 32768)");
        Assert.Equal("[p1, p2]", ProcHarness.Output(list, 1));
        Assert.Equal("2", Assert.IsType<Isolation.Traces.Syntax.ValueResult>(list.Result).Text);
        var end = h.Run("p1 getdents64(3, [], 32768)");
        Assert.Equal("[]", ProcHarness.Output(end, 1));
        Assert.Equal("ENOTDIR", h.R("p1 getdents64(0, [], 32768)"));
    }

    [Fact]
    public void TaskLookupHook_HidesAProcessFromTheListingOnly()
    {
        var module = new TestModule((hooks, m) => hooks.TaskLookup.Add(m, (task, target) => task != target && target.Name == "p2" ? Errno.ENOENT : Errno.None));
        var h = new ProcHarness(0, module);
        h.Setup("p1 fork()", "p1 open(\"/proc\", O_RDONLY)");
        Assert.Equal("[p1]", ProcHarness.Output(h.Run("p1 getdents64(3, [], 32768)"), 1));
        Assert.Equal("4", h.R("p1 open(\"/proc/p2/status\", O_RDONLY)"));
        Assert.Equal("3", h.R("p2 open(\"/proc/p2/status\", O_RDONLY)"));
        Assert.Equal("ENOENT", h.R("p1 open(\"/proc/p9/status\", O_RDONLY)"));
    }

    [Fact]
    public void AttrCurrent_WithNoModule_ReadsAndWritesEINVAL()
    {
        var h = new ProcHarness(user: 1000);
        h.Setup("p1 open(\"/proc/self/attr/current\", O_RDWR)");
        Assert.Equal("EINVAL", h.R("p1 read(3, \"\", 100)"));
        Assert.Equal("EINVAL", h.R("p1 write(3, \"x\", 1)"));
        Assert.Equal("EACCES", h.R("p1 open(\"/proc/self/attr/prev\", O_WRONLY)"));
    }

    [Fact]
    public void WritingAnotherProcessesAttr_IsEPERM_EvenForRoot()
    {
        var h = new ProcHarness();
        h.Setup("p1 fork()", "p1 open(\"/proc/p2/attr/current\", O_WRONLY)", "p1 open(\"/proc/self/attr/exec\", O_WRONLY)", "p1 fork()");
        Assert.Equal("EPERM", h.R("p1 write(3, \"x\", 1)"));
        Assert.Equal("EPERM", h.R("p3 write(4, \"x\", 1)"));
        Assert.Equal("EINVAL", h.R("p1 write(4, \"x\", 1)"));
    }

    [Fact]
    public void AttrFiles_GoToTheModulesProcattrHooks()
    {
        string? written = null;
        var module = new TestModule((hooks, m) =>
        {
            hooks.Getprocattr.Add(m, (Kernel.Tasks.Task _, Kernel.Tasks.Task target, string name, out byte[] value) =>
            {
                value = System.Text.Encoding.UTF8.GetBytes($"{target.Name}:{name}");
                return Errno.None;
            });
            hooks.Setprocattr.Add(m, (_, name, value) =>
            {
                written = name + "=" + System.Text.Encoding.UTF8.GetString(value.Span);
                return Errno.None;
            });
        });
        var h = new ProcHarness(0, module);
        h.Setup("p1 fork()", "p1 open(\"/proc/p2/attr/current\", O_RDONLY)", "p1 open(\"/proc/self/attr/exec\", O_WRONLY)");
        Assert.Equal("\"p2:current\"", ProcHarness.Output(h.Run("p1 read(3, \"\", 100)"), 1));
        Assert.Equal("11", h.R("p1 write(4, \"ip 10.0.0.5\", 11)"));
        Assert.Equal("exec=ip 10.0.0.5", written);
    }

    [Fact]
    public void EnvironAndMemOfAnotherUsersProcess_AreEACCES_AndOfAZombie_ESRCH()
    {
        var h = FsHarness.WithUser([]);
        h.Setup("p2 prctl(PR_SET_DUMPABLE, SUID_DUMP_USER)");
        Assert.Equal("EACCES", h.R("p2 open(\"/proc/p1/environ\", O_RDONLY)"));
        Assert.Equal("EACCES", h.R("p2 open(\"/proc/p1/mem\", O_RDONLY)"));
        Assert.Equal("3", h.R("p2 open(\"/proc/p1/status\", O_RDONLY)"));
        Assert.Equal("4", h.R("p2 open(\"/proc/self/environ\", O_RDONLY)"));
        Assert.Equal("0", h.R("p2 read(4, \"\", 100)"));
        h.Setup("p2 fork()", "p3 exit_group(0)");
        Assert.Equal("ESRCH", h.R("p1 open(\"/proc/p3/environ\", O_RDONLY)"));
    }

    [Fact]
    public void ProcPidInodes_AreLabelledByTaskToInode_AndOwnedAsTaskDumpOwnerSays()
    {
        var labelled = new List<string>();
        var module = new TestModule((hooks, m) => hooks.TaskToInode.Add(m, (target, _) => labelled.Add(target.Name)));
        var h = new ProcHarness(0, module);
        h.Setup("p1 fork()", "p2 setresuid(1000, 1000, 1000)");
        labelled.Clear();
        Assert.Equal("{st_mode=S_IFDIR|0555, st_size=0, ...}", ProcHarness.Output(h.Run("p1 stat(\"/proc/p2\", {})"), 1));
        Assert.Equal(["p2"], labelled);
        var root = h.Kernel.Fs.ProcRoot;
        Assert.Equal(Errno.None, root.Lookup(h.Kernel, h.P(1), "p2", out var dir));
        Assert.Equal(1000, dir!.Uid);
        Assert.Equal(Errno.None, dir.Lookup(h.Kernel, h.P(1), "status", out var status));
        Assert.Equal(0, status!.Uid);
    }

    [Fact]
    public void NamesCannotBeMadeInProc_AndTheImmutablePidDirectoryRefusesRemovalWithEPERM()
    {
        var h = FsHarness.WithUser([]);
        Assert.Equal("ENOENT", h.R("p1 mkdir(\"/proc/x\", 0755)"));
        Assert.Equal("ENOENT", h.R("p1 open(\"/proc/self/x\", O_WRONLY|O_CREAT, 0644)"));
        Assert.Equal("EPERM", h.R("p1 unlink(\"/proc/self/status\")"));
        Assert.Equal("EPERM", h.R("p1 chmod(\"/proc/self/status\", 0777)"));
        Assert.Equal("EEXIST", h.R("p1 mkdir(\"/proc/self\", 0755)"));
        Assert.Equal("EPERM", h.R("p2 unlink(\"/proc/p1/status\")"));
        Assert.Equal("EPERM", h.R("p2 rmdir(\"/proc/self/attr\")"));
        Assert.Equal("EACCES", h.R("p2 unlink(\"/proc/sys/kernel/hostname\")"));
    }

    [Fact]
    public void UidMapOfAFreshUserNamespace_TakesTheCreatorsOwnUid()
    {
        var h = new ProcHarness(user: 1000);
        h.Setup("p1 unshare(CLONE_NEWUSER)", "p1 open(\"/proc/self/uid_map\", O_WRONLY)");
        Assert.Equal("9", h.R("p1 write(3, \"0 1000 1\\n\", 9)"));
        Assert.Equal("0", h.R("p1 getuid()"));
    }
}
