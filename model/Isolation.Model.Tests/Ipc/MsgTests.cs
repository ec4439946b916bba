using Isolation.Model.Kernel.Channels;
using Isolation.Model.Tests.Fs;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Ipc;

/// <summary>msgget, msgsnd, msgrcv, msgctl: ipc/msg.c (6.12); errnos checked on 6.18 inside unshare -i.</summary>
public sealed class MsgTests
{
    [Fact]
    public void SentMessage_IsReceivedOnce_ThenTheEmptyQueueIsENOMSG()
    {
        var h = new ProcHarness();
        h.Setup("p1 msgget(IPC_PRIVATE, 0600)", "p1 msgsnd(0, {mtype=1, mtext=\"hello\"}, 5, IPC_NOWAIT)");
        var rcv = h.Run("p1 msgrcv(0, {}, 16, 0, IPC_NOWAIT)");
        Assert.Equal("{mtype=1, mtext=\"hello\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}", ProcHarness.Output(rcv, 1));
        Assert.Equal("ENOMSG", h.R("p1 msgrcv(0, {}, 16, 0, IPC_NOWAIT)"));
        Assert.Equal("EAGAIN", h.R("p1 msgrcv(0, {}, 16, 0, 0)"));
    }

    [Fact]
    public void TooLongForTheBuffer_IsE2BIG_UnlessMsgNoErrorTruncates()
    {
        var h = new ProcHarness();
        h.Setup("p1 msgget(IPC_PRIVATE, 0600)", "p1 msgsnd(0, {mtype=1, mtext=\"hello world\"}, 11, IPC_NOWAIT)");
        Assert.Equal("E2BIG", h.R("p1 msgrcv(0, {}, 4, 0, IPC_NOWAIT)"));
        var rcv = h.Run("p1 msgrcv(0, {}, 4, 0, IPC_NOWAIT|MSG_NOERROR)");
        Assert.Equal("{mtype=1, mtext=\"hell\"}", ProcHarness.Output(rcv, 1));
    }

    [Fact]
    public void Msgsnd_TypeBelowOneOrSizeAboveMsgmax_IsEINVAL()
    {
        var h = new ProcHarness();
        h.Setup("p1 msgget(IPC_PRIVATE, 0600)");
        Assert.Equal("EINVAL", h.R("p1 msgsnd(0, {mtype=0, mtext=\"x\"}, 1, IPC_NOWAIT)"));
        Assert.Equal("EINVAL", h.R("p1 msgsnd(0, {mtype=1, mtext=\"x\"}, 9000, IPC_NOWAIT)"));
        Assert.Equal("EINVAL", h.R("p1 msgsnd(5, {mtype=1, mtext=\"x\"}, 1, IPC_NOWAIT)"));
    }

    [Fact]
    public void ReceiveByType_Exact_Except_AndLowestUpToANegativeBound()
    {
        var h = new ProcHarness();
        h.Setup(
            "p1 msgget(IPC_PRIVATE, 0600)",
            "p1 msgsnd(0, {mtype=3, mtext=\"c\"}, 1, 0)",
            "p1 msgsnd(0, {mtype=1, mtext=\"a\"}, 1, 0)",
            "p1 msgsnd(0, {mtype=2, mtext=\"b\"}, 1, 0)");
        Assert.Equal("{mtype=2, mtext=\"b\\0\\0\\0\\0\\0\\0\\0\"}", ProcHarness.Output(h.Run("p1 msgrcv(0, {}, 8, 2, IPC_NOWAIT)"), 1));
        Assert.Equal("{mtype=1, mtext=\"a\\0\\0\\0\\0\\0\\0\\0\"}", ProcHarness.Output(h.Run("p1 msgrcv(0, {}, 8, -3, IPC_NOWAIT)"), 1));
        Assert.Equal("ENOMSG", h.R("p1 msgrcv(0, {}, 8, 3, IPC_NOWAIT|MSG_EXCEPT)"));
        Assert.Equal("{mtype=3, mtext=\"c\\0\\0\\0\\0\\0\\0\\0\"}", ProcHarness.Output(h.Run("p1 msgrcv(0, {}, 8, 0, IPC_NOWAIT)"), 1));
    }

    [Fact]
    public void OthersQueue_SendAndReceiveNeedWriteAndRead_RemovalNeedsOwnership()
    {
        var h = FsHarness.WithUser(["p1 msgget(2, IPC_CREAT|0600)", "p1 msgget(3, IPC_CREAT|0622)"]);
        Assert.Equal("EACCES", h.R("p2 msgsnd(0, {mtype=1, mtext=\"x\"}, 1, IPC_NOWAIT)"));
        Assert.Equal("EACCES", h.R("p2 msgrcv(0, {}, 16, 0, IPC_NOWAIT)"));
        Assert.Equal("EPERM", h.R("p2 msgctl(0, IPC_RMID, NULL)"));
        Assert.Equal("0", h.R("p2 msgsnd(1, {mtype=1, mtext=\"x\"}, 1, IPC_NOWAIT)"));
        Assert.Equal("EACCES", h.R("p2 msgctl(1, IPC_STAT, {})"));
        Assert.Equal("1", h.R("p1 msgrcv(1, {}, 16, 0, IPC_NOWAIT)"));
        Assert.Contains(h.Kernel.Channels, c => c.Kind == ChannelKind.Ipc && c.From == h.P(2) && c.To == h.P(1));
        Assert.Equal("0", h.R("p1 msgctl(0, IPC_RMID, NULL)"));
        Assert.Equal("EINVAL", h.R("p1 msgctl(0, IPC_RMID, NULL)"));
    }

    [Fact]
    public void MsgrcvHook_SkipsTheMessagesItRefuses()
    {
        var module = new TestModule((hooks, m) => hooks.MsgQueueMsgrcv.Add(m, (_, _, _, type, _) => type == 0 ? Errno.EACCES : Errno.None));
        var h = new ProcHarness(0, module);
        h.Setup("p1 msgget(IPC_PRIVATE, 0600)", "p1 msgsnd(0, {mtype=1, mtext=\"x\"}, 1, 0)");
        Assert.Equal("ENOMSG", h.R("p1 msgrcv(0, {}, 8, 0, IPC_NOWAIT)"));
        Assert.Equal("1", h.R("p1 msgrcv(0, {}, 8, 1, IPC_NOWAIT)"));
    }

    [Fact]
    public void FullQueue_IsEAGAIN()
    {
        var h = new ProcHarness();
        h.Setup("p1 msgget(IPC_PRIVATE, 0600)");
        for (var i = 0; i < 2; i++)
        {
            h.Setup("p1 msgsnd(0, {mtype=1, mtext=\"\"}, 8192, IPC_NOWAIT)");
        }

        Assert.Equal("EAGAIN", h.R("p1 msgsnd(0, {mtype=1, mtext=\"\"}, 1, IPC_NOWAIT)"));
        Assert.Equal("{msg_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, msg_qnum=2, msg_qbytes=16384, msg_lspid=p1, msg_lrpid=0}", ProcHarness.Output(h.Run("p1 msgctl(0, IPC_STAT, {})"), 2));
    }
}
