using Isolation.Model.Abi;
using Isolation.Model.Kernel.Channels;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Sockets;

/// <summary>AF_UNIX send and receive, with SCM_RIGHTS.</summary>
/// <remarks>
/// net/unix/af_unix.c unix_dgram_sendmsg, unix_stream_sendmsg, unix_seqpacket_sendmsg,
/// __unix_dgram_recvmsg, unix_stream_read_generic; net/core/scm.c scm_fp_copy (6.12). Send
/// buffer accounting is not modelled: only the datagram queue length limits a sender.
/// </remarks>
public sealed partial class UnixSocket
{
    /// <summary>SCM_MAX_FD: the most descriptors one SCM_RIGHTS message may carry.</summary>
    public const int ScmMaxFd = 253;

    /// <summary>net.core.wmem_default: a datagram longer than this less 32 is EMSGSIZE.</summary>
    public const int SendBufferSize = 212992;

    /// <inheritdoc/>
    public override long SendMessage(KernelState kernel, Task task, SendRequest request)
    {
        var error = ScmSend(task, request, out var files);
        if (error != Errno.None)
        {
            return -(long)error;
        }

        var result = Type switch
        {
            SocketAbi.SockStream => StreamSend(kernel, task, request, ref files),
            SocketAbi.SockSeqpacket => SeqpacketSend(kernel, task, request, ref files),
            _ => DgramSend(kernel, task, request, ref files),
        };

        // scm_destroy: references not handed to a queued message are dropped.
        foreach (var file in files ?? [])
        {
            kernel.PutFile(file);
        }

        return result;
    }

    /// <inheritdoc/>
    public override long ReceiveMessage(KernelState kernel, Task task, RecvRequest request, RecvResult result) => Type switch
    {
        SocketAbi.SockStream => StreamReceive(kernel, task, request, result),

        // unix_seqpacket_recvmsg.
        SocketAbi.SockSeqpacket when State != UnixState.Established => -(long)Errno.ENOTCONN,
        _ => DgramReceive(kernel, task, request, result),
    };

    /// <summary>scm_send / scm_fp_copy: looks up the passed descriptors and takes a reference to each.</summary>
    private static Errno ScmSend(Task task, SendRequest request, out List<OpenFile>? files)
    {
        files = null;
        if (request.Rights is not { Count: > 0 } fds)
        {
            return Errno.None;
        }

        if (fds.Count > ScmMaxFd)
        {
            return Errno.EINVAL;
        }

        var found = new List<OpenFile>(fds.Count);
        foreach (var fd in fds)
        {
            if (fd < 0 || task.Files.Get(fd) is not { } file)
            {
                return Errno.EBADF;
            }

            found.Add(file);
        }

        foreach (var file in found)
        {
            file.References++;
        }

        files = found;
        return Errno.None;
    }

    private long SeqpacketSend(KernelState kernel, Task task, SendRequest request, ref List<OpenFile>? files)
    {
        var error = TakeError();
        if (error != Errno.None)
        {
            return -(long)error;
        }

        if (State != UnixState.Established)
        {
            return -(long)Errno.ENOTCONN;
        }

        // The address of a seqpacket send is ignored (msg_namelen = 0).
        return DgramSend(kernel, task, request with { To = null }, ref files);
    }

    private long DgramSend(KernelState kernel, Task task, SendRequest request, ref List<OpenFile>? files)
    {
        if ((request.Flags & MsgFlags.Oob) != 0)
        {
            return -(long)Errno.EOPNOTSUPP;
        }

        UnixAddress? name = null;
        var other = Peer;
        if (request.To is { } to)
        {
            var error = ValidatedName(kernel, task, to, out name);
            if (error != Errno.None)
            {
                return -(long)error;
            }

            other = null;
        }
        else if (other is null)
        {
            return -(long)Errno.ENOTCONN;
        }

        if (PassCred && Name is null && Autobind() is var bindError && bindError != Errno.None)
        {
            return -(long)bindError;
        }

        if (request.Data.Length > SendBufferSize - 32)
        {
            return -(long)Errno.EMSGSIZE;
        }

        // sock_alloc_send_pskb: a pending error, then a shut-down sender.
        var pending = TakeError();
        if (pending != Errno.None)
        {
            return -(long)pending;
        }

        if ((ShutdownMask & SocketAbi.SendShutdown) != 0)
        {
            return -(long)Errno.EPIPE;
        }

        if (other is null)
        {
            var error = FindOther(kernel, task, name!, out other);
            if (error != Errno.None)
            {
                return -(long)error;
            }
        }

        return DeliverDatagram(kernel, task, other!, request, ref files);
    }

    private long DeliverDatagram(KernelState kernel, Task task, UnixSocket other, SendRequest request, ref List<OpenFile>? files)
    {
        if (!MaySend(other))
        {
            return -(long)Errno.EPERM;
        }

        if (other.IsReleased)
        {
            if (Type == SocketAbi.SockSeqpacket)
            {
                return -(long)Errno.EPIPE;
            }

            // The connected peer is gone: disconnect, and its datagrams queued here go too.
            Peer = null;
            State = UnixState.Close;
            DgramDisconnected(kernel, other);
            return -(long)Errno.ECONNREFUSED;
        }

        if ((other.ShutdownMask & SocketAbi.RcvShutdown) != 0)
        {
            return -(long)Errno.EPIPE;
        }

        if (Type != SocketAbi.SockSeqpacket)
        {
            var error = kernel.Security.UnixMaySend(task, this, other);
            if (error != Errno.None)
            {
                return -(long)error;
            }
        }

        // A full receiver takes nothing more, unless it is connected back to this socket. A
        // blocking sender would wait for room; the scenario rule makes that EAGAIN too.
        if (other != this && other.Peer != this && other.IsQueueFull)
        {
            return -(long)Errno.EAGAIN;
        }

        other._queue.AddLast(new SocketMessage(request.Data.ToArray()) { Sender = this, SenderTask = task, Files = files, SentAt = kernel.Clock });
        files = null;
        return request.Data.Length;
    }

    private long StreamSend(KernelState kernel, Task task, SendRequest request, ref List<OpenFile>? files)
    {
        if ((request.Flags & MsgFlags.Oob) != 0)
        {
            return -(long)Errno.EOPNOTSUPP;
        }

        if (request.To is not null)
        {
            return -(long)(State == UnixState.Established ? Errno.EISCONN : Errno.EOPNOTSUPP);
        }

        if (Peer is not { } other)
        {
            return -(long)Errno.ENOTCONN;
        }

        if ((ShutdownMask & SocketAbi.SendShutdown) != 0)
        {
            return -(long)Errno.EPIPE;
        }

        // Nothing to send means no skb, and the descriptors are not sent.
        if (request.Data.IsEmpty)
        {
            return 0;
        }

        var pending = TakeError();
        if (pending != Errno.None)
        {
            return -(long)pending;
        }

        if (other.IsReleased || (other.ShutdownMask & SocketAbi.RcvShutdown) != 0)
        {
            return -(long)Errno.EPIPE;
        }

        other._queue.AddLast(new SocketMessage(request.Data.ToArray()) { Sender = this, SenderTask = task, Files = files, SentAt = kernel.Clock });
        files = null;
        return request.Data.Length;
    }

    private long DgramReceive(KernelState kernel, Task task, RecvRequest request, RecvResult result)
    {
        if ((request.Flags & MsgFlags.Oob) != 0)
        {
            return -(long)Errno.EOPNOTSUPP;
        }

        var error = TakeError();
        if (error != Errno.None)
        {
            return -(long)error;
        }

        if (_queue.First is not { } head)
        {
            // EOF on a shut-down seqpacket socket; a blocking receive would wait, or see EOF after shutdown.
            var shutDown = (ShutdownMask & SocketAbi.RcvShutdown) != 0;
            return shutDown && (!request.NonBlocking || Type == SocketAbi.SockSeqpacket) ? 0 : -(long)Errno.EAGAIN;
        }

        var message = head.Value;
        if (!request.Peek)
        {
            _queue.RemoveFirst();
        }

        result.From = (message.Sender as UnixSocket)?.Name;
        var size = Math.Min(request.Size, message.Data.Length);
        if (size < message.Data.Length)
        {
            result.MsgFlags |= MsgFlags.Trunc;
        }

        result.Data = message.Data[..size];
        Record(kernel, task, message);
        TakeFiles(message, request.Peek, result);
        return (request.Flags & MsgFlags.Trunc) != 0 ? message.Data.Length : size;
    }

    private long StreamReceive(KernelState kernel, Task task, RecvRequest request, RecvResult result)
    {
        if (State != UnixState.Established || (request.Flags & MsgFlags.Oob) != 0)
        {
            // Not connected; or MSG_OOB with no out-of-band byte waiting (unix_stream_recv_urg).
            return -(long)Errno.EINVAL;
        }

        if (_queue.Count == 0)
        {
            var error = TakeError();
            if (error != Errno.None)
            {
                return -(long)error;
            }

            return (ShutdownMask & SocketAbi.RcvShutdown) != 0 ? 0 : -(long)Errno.EAGAIN;
        }

        var data = new List<byte>();
        var node = _queue.First;
        result.From = (node!.Value.Sender as UnixSocket)?.Name;
        while (node is not null && data.Count < request.Size)
        {
            var message = node.Value;
            var chunk = Math.Min(message.Remaining, request.Size - data.Count);
            data.AddRange(message.Data.AsSpan(message.Consumed, chunk));
            Record(kernel, task, message);
            var next = node.Next;
            var hadFiles = message.Files is not null;
            TakeFiles(message, request.Peek, result);
            if (!request.Peek)
            {
                message.Consumed += chunk;
                if (message.Remaining > 0)
                {
                    break;
                }

                _queue.Remove(node);
            }

            // A message with descriptors ends the read (so they are not merged with later ones).
            if (hadFiles)
            {
                break;
            }

            node = next;
        }

        result.Data = [.. data];
        return data.Count;
    }

    /// <summary>unix_detach_fds (the files move to the receiver) or, for MSG_PEEK, unix_peek_fds (new references).</summary>
    private static void TakeFiles(SocketMessage message, bool peek, RecvResult result)
    {
        if (message.Files is not { } files)
        {
            return;
        }

        if (peek)
        {
            foreach (var file in files)
            {
                file.References++;
            }
        }
        else
        {
            message.Files = null;
        }

        result.Files.AddRange(files);
    }

    /// <summary>Records the channel the message used (and the descriptors it carries), before they are taken.</summary>
    private void Record(KernelState kernel, Task task, SocketMessage message)
    {
        if (message.SenderTask is not { } sender)
        {
            return;
        }

        var via = Name is not null ? Describe() : (message.Sender as UnixSocket)?.Describe() ?? "unnamed";
        kernel.RecordChannel(Type == SocketAbi.SockStream ? ChannelKind.UnixStream : ChannelKind.UnixDatagram, sender, task, via, message.SentAt);
        if (message.Files is not null)
        {
            kernel.RecordChannel(ChannelKind.PassedDescriptor, sender, task, via, message.SentAt);
        }
    }
}
