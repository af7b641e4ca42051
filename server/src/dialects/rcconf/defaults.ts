// The variables FreeBSD 14's /etc/defaults/rc.conf sets (and the ones it documents in comments), with their
// defaults: the knob names unknown-knob suggests from and hover falls back on. Facts only (names and values).

/** `name default` per line; a default of `-` means the file mentions the knob without setting it. */
const TABLE = `
rc_debug -
rc_info NO
rc_startmsgs YES
rcshutdown_timeout 90
early_late_divider FILESYSTEMS
always_force_depends NO
apm_enable NO
apmd_enable NO
apmd_flags
ddb_enable NO
ddb_config /etc/ddb.conf
devd_enable YES
devd_flags
devmatch_enable YES
devmatch_blocklist
kld_list -
kldxref_enable YES
kldxref_clobber NO
kldxref_module_path
powerd_enable NO
powerd_flags
tmpmfs AUTO
tmpsize 20m
tmpmfs_flags -S
varmfs AUTO
varsize 32m
varmfs_flags -S
mfs_type auto
populate_var AUTO
cleanvar_enable YES
local_startup \${_localbase}/etc/rc.d
script_name_sep
rc_conf_files /etc/rc.conf /etc/rc.conf.local
zfs_enable NO
zfs_bootonce_activate NO
zfsd_enable NO
gptboot_enable YES
gbde_autoattach_all NO
gbde_devices NO
gbde_attach_attempts 3
gbde_lockdir /etc
geli_devices
geli_groups
geli_tries
geli_default_flags
geli_autodetach YES
root_rw_mount YES
root_hold_delay 30
fsck_flags -p
fsck_y_enable NO
fsck_y_flags -T ffs:-R -T ufs:-R
background_fsck YES
background_fsck_delay 60
growfs_enable NO
netfs_types nfs:NFS smbfs:SMB
extra_netfs_types NO
hostname
hostid_enable YES
hostid_file /etc/hostid
nisdomainname NO
dhclient_program /sbin/dhclient
dhclient_flags
background_dhclient NO
synchronous_dhclient NO
defaultroute_delay 30
defaultroute_carrier_delay 5
netif_enable YES
netif_ipexpand_max 2048
wpa_supplicant_program /usr/sbin/wpa_supplicant
wpa_supplicant_flags -s
wpa_supplicant_conf_file /etc/wpa_supplicant.conf
firewall_enable NO
firewall_script /etc/rc.firewall
firewall_type UNKNOWN
firewall_quiet NO
firewall_logging NO
firewall_logif NO
firewall_flags
firewall_coscripts
firewall_client_net 192.0.2.0/24
firewall_client_net_ipv6 -
firewall_simple_iif em1
firewall_simple_inet 192.0.2.16/28
firewall_simple_oif em0
firewall_simple_onet 192.0.2.0/28
firewall_simple_iif_ipv6 -
firewall_simple_inet_ipv6 -
firewall_simple_oif_ipv6 -
firewall_simple_onet_ipv6 -
firewall_myservices
firewall_allowservices
firewall_trusted
firewall_logdeny NO
firewall_nologports 135-139,445 1026,1027 1433,1434
firewall_nat_enable NO
firewall_nat_interface
firewall_nat_flags
firewall_nat64_enable NO
firewall_nptv6_enable NO
firewall_pmod_enable NO
dummynet_enable NO
ipfw_netflow_enable NO
ip_portrange_first NO
ip_portrange_last NO
ike_enable NO
ike_program \${_localbase}/sbin/isakmpd
ike_flags
ipsec_enable NO
ipsec_file /etc/ipsec.conf
natd_program /sbin/natd
natd_enable NO
natd_interface
natd_flags
ipfilter_enable NO
ipfilter_program /sbin/ipf
ipfilter_rules /etc/ipf.rules
ipfilter_flags
ippool_enable NO
ippool_program /sbin/ippool
ippool_rules /etc/ippool.tables
ippool_flags
ipnat_enable NO
ipnat_program /sbin/ipnat
ipnat_rules /etc/ipnat.rules
ipnat_flags
ipmon_enable NO
ipmon_program /sbin/ipmon
ipmon_flags -Ds
ipfs_enable NO
ipfs_program /sbin/ipfs
ipfs_flags
pf_enable NO
pf_rules /etc/pf.conf
pf_program /sbin/pfctl
pf_flags
pflog_enable NO
pflog_logfile /var/log/pflog
pflog_program /sbin/pflogd
pflog_flags
ftpproxy_enable NO
ftpproxy_flags
pfsync_enable NO
pfsync_syncdev
pfsync_syncpeer
pfsync_ifconfig
tcp_extensions YES
log_in_vain 0
tcp_keepalive YES
tcp_drop_synfin NO
icmp_drop_redirect auto
icmp_log_redirect NO
network_interfaces auto
cloned_interfaces
autobridge_interfaces -
sppp_interfaces
ppp_enable NO
ppp_program /usr/sbin/ppp
ppp_mode auto
ppp_nat YES
ppp_profile papchap
ppp_user root
hostapd_program /usr/sbin/hostapd
hostapd_enable NO
syslogd_enable YES
syslogd_program /usr/sbin/syslogd
syslogd_flags -s
syslogd_oomprotect YES
altlog_proglist
inetd_enable NO
inetd_program /usr/sbin/inetd
inetd_flags -wW -C 60
iscsid_enable NO
iscsictl_enable NO
iscsictl_flags -Aa
hastd_enable NO
hastd_program /sbin/hastd
hastd_flags
ctld_enable NO
local_unbound_enable NO
local_unbound_tls NO
blacklistd_enable NO
blacklistd_flags
resolv_enable YES
kdc_enable NO
kdc_program /usr/libexec/kdc
kdc_flags
kadmind_enable NO
kadmind_program /usr/libexec/kadmind
kpasswdd_enable NO
kpasswdd_program /usr/libexec/kpasswdd
kfd_enable NO
kfd_program /usr/libexec/kfd
kfd_flags
ipropd_master_enable NO
ipropd_master_program /usr/libexec/ipropd-master
ipropd_master_flags
ipropd_master_keytab /etc/krb5.keytab
ipropd_master_slaves
ipropd_slave_enable NO
ipropd_slave_program /usr/libexec/ipropd-slave
ipropd_slave_flags
ipropd_slave_keytab /etc/krb5.keytab
ipropd_slave_master
gssd_enable NO
gssd_program /usr/sbin/gssd
gssd_flags
rwhod_enable NO
rwhod_flags
rarpd_enable NO
rarpd_flags -a
bootparamd_enable NO
bootparamd_flags
pppoed_enable NO
pppoed_provider *
pppoed_flags -P /var/run/pppoed.pid
pppoed_interface em0
sshd_enable NO
sshd_program /usr/sbin/sshd
sshd_flags
ftpd_enable NO
ftpd_program /usr/libexec/ftpd
ftpd_flags
autofs_enable NO
automount_flags
automountd_flags
autounmountd_flags
nfs_client_enable NO
nfs_access_cache 60
nfs_server_enable NO
nfs_server_flags -u -t
nfs_server_managegids NO
nfs_server_maxio 131072
mountd_enable NO
mountd_flags -r -S
weak_mountd_authentication NO
nfs_reserved_port_only NO
nfs_bufpackets
rpc_lockd_enable NO
rpc_lockd_flags
rpc_statd_enable NO
rpc_statd_flags
rpcbind_enable NO
rpcbind_program /usr/sbin/rpcbind
rpcbind_flags
rpc_ypupdated_enable NO
keyserv_enable NO
keyserv_flags
nfsv4_server_enable NO
nfsv4_server_only NO
nfscbd_enable NO
nfscbd_flags
nfsuserd_enable NO
nfsuserd_flags
tlsclntd_enable NO
tlsclntd_flags
tlsservd_enable NO
tlsservd_flags
timed_enable NO
timed_flags
ntpdate_enable NO
ntpdate_program /usr/sbin/ntpdate
ntpdate_flags -b
ntpdate_config /etc/ntp.conf
ntpdate_hosts
ntpd_enable NO
ntpd_program /usr/sbin/ntpd
ntpd_config /etc/ntp.conf
ntpd_sync_on_start NO
ntpd_flags
ntp_src_leapfile /etc/ntp/leap-seconds
ntp_db_leapfile /var/db/ntpd.leap-seconds.list
ntp_leapfile_sources https://www.ietf.org/timezones/data/leap-seconds.list
ntp_leapfile_fetch_opts -mq
ntp_leapfile_expiry_days 30
ntp_leapfile_fetch_verbose NO
nis_client_enable NO
nis_client_flags
nis_ypset_enable NO
nis_ypset_flags
nis_server_enable NO
nis_server_flags
nis_ypxfrd_enable NO
nis_ypxfrd_flags
nis_yppasswdd_enable NO
nis_yppasswdd_flags
nis_ypldap_enable NO
nis_ypldap_flags
bsnmpd_enable NO
bsnmpd_flags
defaultrouter NO
static_arp_pairs
static_ndp_pairs
static_routes
gateway_enable NO
routed_enable NO
routed_program /sbin/routed
routed_flags -q
arpproxy_all NO
forward_sourceroute NO
accept_sourceroute NO
hcsecd_enable NO
hcsecd_config /etc/bluetooth/hcsecd.conf
sdpd_enable NO
sdpd_control /var/run/sdp
sdpd_groupname nobody
sdpd_username nobody
bthidd_enable NO
bthidd_config /etc/bluetooth/bthidd.conf
bthidd_hids /var/db/bthidd.hids
bthidd_evdev_support AUTO
rfcomm_pppd_server_enable NO
rfcomm_pppd_server_profile one two
ubthidhci_enable NO
ubthidhci_busnum -
ubthidhci_addr -
netwait_enable NO
netwait_ip -
netwait_timeout 60
netwait_if -
netwait_if_timeout 30
icmp_bmcastecho NO
ipv6_network_interfaces auto
ipv6_activate_all_interfaces NO
ipv6_defaultrouter NO
ipv6_static_routes
ipv6_gateway_enable NO
ipv6_cpe_wanif NO
ipv6_privacy NO
route6d_enable NO
route6d_program /usr/sbin/route6d
route6d_flags
ipv6_default_interface NO
rtsol_flags
rtsold_enable NO
rtsold_flags -a
rtadvd_enable NO
rtadvd_interfaces
stf_interface_ipv4addr
stf_interface_ipv4plen 0
stf_interface_ipv6_ifid 0:0:0:1
stf_interface_ipv6_slaid 0000
ipv6_ipv4mapping NO
ipv6_ipfilter_rules /etc/ipf6.rules
ip6addrctl_enable YES
ip6addrctl_verbose NO
ip6addrctl_policy AUTO
keyboard
keymap NO
keyrate NO
keybell NO
keychange NO
cursor NO
scrnmap NO
font8x16 NO
font8x14 NO
font8x8 NO
blanktime 300
saver NO
moused_nondefault_enable YES
moused_enable NO
moused_type auto
moused_port /dev/psm0
moused_flags
mousechar_start NO
allscreens_flags
allscreens_kbdflags
mta_start_script /etc/rc.sendmail
sendmail_enable NO
sendmail_pidfile /var/run/sendmail.pid
sendmail_procname /usr/sbin/sendmail
sendmail_flags -L sm-mta -bd -q30m
sendmail_cert_create YES
sendmail_cert_cn -
sendmail_submit_enable YES
sendmail_submit_flags -L sm-mta -bd -q30m -ODaemonPortOptions=Addr=localhost
sendmail_outbound_enable YES
sendmail_outbound_flags -L sm-queue -q30m
sendmail_msp_queue_enable YES
sendmail_msp_queue_flags -L sm-msp-queue -Ac -q30m
sendmail_rebuild_aliases NO
auditd_enable NO
auditd_program /usr/sbin/auditd
auditd_flags
auditdistd_enable NO
auditdistd_program /usr/sbin/auditdistd
auditdistd_flags
cron_enable YES
cron_program /usr/sbin/cron
cron_dst YES
cron_flags
cfumass_enable NO
cfumass_dir /var/cfumass
cfumass_image /var/tmp/cfumass.img
lpd_enable NO
lpd_program /usr/sbin/lpd
lpd_flags
nscd_enable NO
chkprintcap_enable NO
chkprintcap_flags -d
dumpdev NO
dumpon_flags
dumpdir /var/crash
savecore_enable YES
savecore_flags -m 10
service_delete_empty NO
crashinfo_enable YES
crashinfo_program /usr/sbin/crashinfo
quota_enable NO
check_quotas YES
quotaon_flags -a
quotaoff_flags -a
quotacheck_flags -a
accounting_enable NO
firstboot_sentinel /firstboot
sysvipc_enable NO
linux_enable NO
linux_mounts_enable YES
clear_tmp_enable NO
clear_tmp_X YES
ldconfig_insecure NO
ldconfig_paths /usr/lib/compat \${_localbase}/lib \${_localbase}/lib/compat/pkg
ldconfig32_paths /usr/lib32 /usr/lib32/compat
ldconfigsoft_paths /usr/libsoft /usr/libsoft/compat \${_localbase}/libsoft
ldconfig_local_dirs \${_localbase}/libdata/ldconfig
ldconfig_local32_dirs \${_localbase}/libdata/ldconfig32
ldconfig_localsoft_dirs \${_localbase}/libdata/ldconfigsoft
kern_securelevel_enable NO
kern_securelevel -1
update_motd YES
entropy_boot_file /boot/entropy
entropy_file /entropy
entropy_dir /var/db/entropy
entropy_save_sz 4096
entropy_save_num 8
harvest_mask 511
osrelease_enable YES
osrelease_file /var/run/os-release
osrelease_perms 444
dmesg_enable YES
watchdogd_enable NO
watchdogd_flags
watchdogd_timeout
watchdogd_shutdown_timeout
devfs_rulesets /etc/defaults/devfs.rules /etc/devfs.rules
devfs_system_ruleset
devfs_set_rulesets
devfs_load_rulesets YES
performance_cx_lowest NONE
performance_cpu_freq NONE
economy_cx_lowest Cmax
economy_cpu_freq NONE
virecover_enable YES
ugidfw_enable NO
bsdextended_script /etc/rc.bsdextended
newsyslog_enable YES
newsyslog_flags -CN
mixer_enable YES
opensm_enable NO
rctl_enable YES
rctl_rules /etc/rctl.conf
iovctl_files
jail_enable NO
jail_conf /etc/jail.conf
jail_confwarn YES
jail_parallel_start NO
jail_list
jail_reverse_stop NO
`;

export interface DefaultKnob {
  name: string;
  /** The default value; undefined when defaults/rc.conf only mentions the knob (commented out). */
  value?: string;
}

export const DEFAULT_KNOBS: ReadonlyMap<string, DefaultKnob> = (() => {
  const map = new Map<string, DefaultKnob>();
  for (const line of TABLE.split('\n')) {
    if (!line.trim()) continue;
    const sp = line.indexOf(' ');
    const name = sp < 0 ? line : line.slice(0, sp);
    const rest = sp < 0 ? '' : line.slice(sp + 1);
    map.set(name, { name, value: rest === '-' ? undefined : rest });
  }
  return map;
})();
