/* netlink.c - network setup without ip(8): interface flags and addresses by ioctl, veth by rtnetlink. */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "coord.h"

static int ifreq_op(const char *ifname, unsigned long req, struct ifreq *ifr)
{
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		return -1;
	strncpy(ifr->ifr_name, ifname, IFNAMSIZ - 1);
	int r = ioctl(s, req, ifr);
	int e = errno;
	close(s);
	errno = e;
	return r;
}

int link_is_up(const char *ifname)
{
	struct ifreq ifr;
	memset(&ifr, 0, sizeof ifr);
	return !ifreq_op(ifname, SIOCGIFFLAGS, &ifr) && (ifr.ifr_flags & IFF_UP);
}

int link_wait_running(const char *ifname, int timeout_ms)
{
	struct ifreq ifr;
	for (int waited = 0; waited <= timeout_ms; waited++) {
		memset(&ifr, 0, sizeof ifr);
		if (ifreq_op(ifname, SIOCGIFFLAGS, &ifr))
			return -1;
		if (ifr.ifr_flags & IFF_RUNNING)
			return 0;
		usleep(1000);
	}
	errno = ETIMEDOUT;
	return -1;
}

int link_up(const char *ifname)
{
	struct ifreq ifr;
	memset(&ifr, 0, sizeof ifr);
	if (ifreq_op(ifname, SIOCGIFFLAGS, &ifr))
		return -1;
	ifr.ifr_flags |= IFF_UP;
	return ifreq_op(ifname, SIOCSIFFLAGS, &ifr);
}

static int set_in(const char *ifname, unsigned long req, const char *a)
{
	struct ifreq ifr;
	struct sockaddr_in in = {.sin_family = AF_INET};
	memset(&ifr, 0, sizeof ifr);
	if (inet_pton(AF_INET, a, &in.sin_addr) != 1)
		return errno = EINVAL, -1;
	memcpy(&ifr.ifr_addr, &in, sizeof in);
	return ifreq_op(ifname, req, &ifr);
}

int addr_set(const char *ifname, const char *addr, const char *mask)
{
	return set_in(ifname, SIOCSIFADDR, addr) || set_in(ifname, SIOCSIFNETMASK, mask) ? -1 : 0;
}

/* A netlink request being built. */
struct nlreq {
	struct nlmsghdr h;
	struct ifinfomsg i;
	char attrs[512];
};

static struct rtattr *put(struct nlreq *r, unsigned short type, const void *data, size_t len)
{
	struct rtattr *a = (struct rtattr *)((char *)r + NLMSG_ALIGN(r->h.nlmsg_len));
	a->rta_type = type;
	a->rta_len = (unsigned short)RTA_LENGTH(len);
	if (len)
		memcpy(RTA_DATA(a), data, len);
	r->h.nlmsg_len = NLMSG_ALIGN(r->h.nlmsg_len) + RTA_ALIGN(a->rta_len);
	return a;
}

static void end(struct nlreq *r, struct rtattr *nest)
{
	nest->rta_len = (unsigned short)((char *)r + r->h.nlmsg_len - (char *)nest);
}

int veth_create(const char *name, const char *peer, int peer_netns_fd)
{
	struct nlreq r;
	struct ifinfomsg pi;
	memset(&r, 0, sizeof r);
	memset(&pi, 0, sizeof pi);
	r.h.nlmsg_len = NLMSG_LENGTH(sizeof r.i);
	r.h.nlmsg_type = RTM_NEWLINK;
	r.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK;
	r.i.ifi_family = AF_UNSPEC;
	put(&r, IFLA_IFNAME, name, strlen(name) + 1);
	struct rtattr *info = put(&r, IFLA_LINKINFO, NULL, 0);
	put(&r, IFLA_INFO_KIND, "veth", 5);
	struct rtattr *data = put(&r, IFLA_INFO_DATA, NULL, 0);
	struct rtattr *p = put(&r, VETH_INFO_PEER, &pi, sizeof pi);
	put(&r, IFLA_IFNAME, peer, strlen(peer) + 1);
	put(&r, IFLA_NET_NS_FD, &peer_netns_fd, sizeof peer_netns_fd);
	end(&r, p);
	end(&r, data);
	end(&r, info);

	int s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (s < 0)
		return -1;
	struct sockaddr_nl k = {.nl_family = AF_NETLINK};
	char buf[1024];
	int err = EIO;
	if (sendto(s, &r, r.h.nlmsg_len, 0, (struct sockaddr *)&k, sizeof k) == (ssize_t)r.h.nlmsg_len) {
		ssize_t n = recv(s, buf, sizeof buf, 0);
		struct nlmsghdr *h = (struct nlmsghdr *)buf;
		if (n >= (ssize_t)NLMSG_LENGTH(sizeof(struct nlmsgerr)) && h->nlmsg_type == NLMSG_ERROR)
			err = -((struct nlmsgerr *)NLMSG_DATA(h))->error;
	}
	close(s);
	errno = err;
	return err ? -1 : 0;
}
