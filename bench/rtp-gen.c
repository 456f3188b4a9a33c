/*
 * The load generator of `npm run bench:media`, outside Node's event loop: many RTP streams of
 * 20 ms G.711 from a few UDP sockets, and the receiving side of the same sockets.
 *   rtp-gen <sockets> <seconds>
 * Prints "PORTS p1 p2 ..." then reads stream lines "<socket> <dst-port> <ssrc> <group>" from stdin
 * until a line "GO". Each packet carries its send time (CLOCK_MONOTONIC ns) in the payload;
 * on receipt the added latency goes into a histogram (10 us buckets). At the end it prints one
 * JSON line: sent, received, and latency percentiles in ms. Sending and receiving run on two
 * threads, so a receive never waits behind a burst of sends (that would count as latency), and
 * both batch their system calls (sendmmsg/recvmmsg, up to BATCH datagrams each): on 2 cores the
 * generator's own CPU is CPU mediasoup does not get.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAXS 64
#define MAXSTREAMS 20000
#define GROUPS 20
#define BUCKETS 200000 /* 10 us buckets: up to 2 s */
#define BATCH 64
#define PKT (12 + 160)

struct stream { int sock; uint16_t port; uint32_t ssrc; uint16_t seq; uint32_t ts; int group; };
static struct stream streams[MAXSTREAMS];
static int nstreams;
static uint64_t hist[BUCKETS + 1];
static int socks[MAXS];
static int nsock;
static uint64_t received;
static volatile uint64_t stop_at;

static uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static double pct(uint64_t total, double p) {
  uint64_t want = (uint64_t)(p / 100.0 * (double)total), seen = 0;
  for (int i = 0; i <= BUCKETS; i++) {
    seen += hist[i];
    if (seen > want) return i * 0.01;
  }
  return BUCKETS * 0.01;
}

static void *receiver(void *arg) {
  (void)arg;
  struct pollfd pfd[MAXS];
  for (int i = 0; i < nsock; i++) { pfd[i].fd = socks[i]; pfd[i].events = POLLIN; }
  static unsigned char bufs[BATCH][1500];
  struct mmsghdr msgs[BATCH];
  struct iovec iovs[BATCH];
  for (int k = 0; k < BATCH; k++) {
    iovs[k].iov_base = bufs[k];
    iovs[k].iov_len = sizeof bufs[k];
    memset(&msgs[k], 0, sizeof msgs[k]);
    msgs[k].msg_hdr.msg_iov = &iovs[k];
    msgs[k].msg_hdr.msg_iovlen = 1;
  }
  while (now_ns() < stop_at) {
    if (poll(pfd, (nfds_t)nsock, 5) <= 0) continue;
    for (int i = 0; i < nsock; i++) {
      if (!(pfd[i].revents & POLLIN)) continue;
      for (;;) {
        int got = recvmmsg(socks[i], msgs, BATCH, MSG_DONTWAIT, NULL);
        if (got <= 0) break;
        uint64_t t = now_ns();
        for (int k = 0; k < got; k++) {
          unsigned char *buf = bufs[k];
          size_t n = msgs[k].msg_len;
          if (n < 12 || (buf[1] & 0x7f) != 0) continue; /* RTCP and others */
          /* mediasoup may add a header extension: find the payload. */
          size_t off = 12 + 4 * (size_t)(buf[0] & 0x0f);
          if ((buf[0] & 0x10) && n >= off + 4) off += 4 + 4 * (size_t)((buf[off + 2] << 8) | buf[off + 3]);
          if (n < off + 12) continue;
          uint64_t stamp;
          memcpy(&stamp, buf + off + 4, 8);
          uint64_t lat = (t - stamp) / 10000ull;
          hist[lat > BUCKETS ? BUCKETS : lat]++;
          received++;
        }
        if (got < BATCH) break;
      }
    }
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: rtp-gen <sockets> <seconds>\n"); return 2; }
  nsock = atoi(argv[1]);
  double seconds = atof(argv[2]);
  if (nsock < 1 || nsock > MAXS) return 2;
  printf("PORTS");
  for (int i = 0; i < nsock; i++) {
    socks[i] = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    int size = 16 << 20;
    setsockopt(socks[i], SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    setsockopt(socks[i], SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = 0 };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(socks[i], (struct sockaddr *)&a, sizeof a) != 0) { perror("bind"); return 1; }
    socklen_t len = sizeof a;
    getsockname(socks[i], (struct sockaddr *)&a, &len);
    printf(" %d", ntohs(a.sin_port));
  }
  printf("\n");
  fflush(stdout);

  char line[256];
  while (fgets(line, sizeof line, stdin)) {
    if (strncmp(line, "GO", 2) == 0) break;
    if (nstreams >= MAXSTREAMS) continue;
    struct stream *s = &streams[nstreams];
    unsigned port, ssrc;
    if (sscanf(line, "%d %u %u %d", &s->sock, &port, &ssrc, &s->group) == 4 && s->sock >= 0 && s->sock < nsock) {
      s->port = (uint16_t)port;
      s->ssrc = ssrc;
      s->group = s->group % GROUPS;
      nstreams++;
    }
  }

  uint64_t sent = 0, start = now_ns(), end = start + (uint64_t)(seconds * 1e9);
  stop_at = end + 500000000ull; /* drain half a second after the last send */
  pthread_t rx;
  pthread_create(&rx, NULL, receiver, NULL);
  uint64_t due[GROUPS];
  for (int g = 0; g < GROUPS; g++) due[g] = start + (uint64_t)g * 20000000ull / GROUPS;
  /* One pending batch per socket: packets and their destinations, flushed with sendmmsg. */
  static unsigned char pkts[MAXS][BATCH][PKT];
  static struct sockaddr_in tos[MAXS][BATCH];
  static struct iovec iov[MAXS][BATCH];
  static struct mmsghdr out[MAXS][BATCH];
  int pending[MAXS] = { 0 };
  for (int so = 0; so < nsock; so++)
    for (int k = 0; k < BATCH; k++) {
      memset(pkts[so][k], 0xff, PKT);
      pkts[so][k][0] = 0x80;
      pkts[so][k][1] = 0; /* PCMU */
      iov[so][k].iov_base = pkts[so][k];
      iov[so][k].iov_len = PKT;
      memset(&out[so][k], 0, sizeof out[so][k]);
      out[so][k].msg_hdr.msg_iov = &iov[so][k];
      out[so][k].msg_hdr.msg_iovlen = 1;
      out[so][k].msg_hdr.msg_name = &tos[so][k];
      out[so][k].msg_hdr.msg_namelen = sizeof tos[so][k];
    }
#define FLUSH(so)                                                        \
  do {                                                                   \
    int done = 0;                                                        \
    while (done < pending[so]) {                                         \
      int r = sendmmsg(socks[so], out[so] + done, (unsigned)(pending[so] - done), 0); \
      if (r <= 0) break;                                                 \
      done += r;                                                         \
    }                                                                    \
    sent += (uint64_t)done;                                              \
    pending[so] = 0;                                                     \
  } while (0)
  for (;;) {
    uint64_t t = now_ns();
    if (t >= end) break;
    int sent_any = 0;
    for (int g = 0; g < GROUPS; g++) {
      while (t >= due[g]) {
        for (int i = 0; i < nstreams; i++) {
          struct stream *s = &streams[i];
          if (s->group != g) continue;
          int so = s->sock;
          unsigned char *pkt = pkts[so][pending[so]];
          uint16_t seq = htons(s->seq++);
          uint32_t ts = htonl(s->ts += 160), ssrc = htonl(s->ssrc);
          uint64_t stamp = now_ns();
          memcpy(pkt + 2, &seq, 2);
          memcpy(pkt + 4, &ts, 4);
          memcpy(pkt + 8, &ssrc, 4);
          memcpy(pkt + 12 + 4, &stamp, 8);
          struct sockaddr_in *to = &tos[so][pending[so]];
          to->sin_family = AF_INET;
          to->sin_port = htons(s->port);
          to->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
          if (++pending[so] == BATCH) FLUSH(so);
        }
        for (int so = 0; so < nsock; so++)
          if (pending[so]) FLUSH(so);
        due[g] += 20000000ull;
        sent_any = 1;
      }
    }
    if (!sent_any) {
      struct timespec nap = { 0, 200000 }; /* 0.2 ms */
      nanosleep(&nap, NULL);
    }
  }
  pthread_join(rx, NULL);
  printf("{\"sent\":%llu,\"received\":%llu,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f}\n", (unsigned long long)sent, (unsigned long long)received,
         pct(received, 50), pct(received, 99), pct(received, 99.999));
  return 0;
}
