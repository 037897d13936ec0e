#!/usr/bin/python3
"""Small stand-ins for desktop services, for the presence and hold tests, on a private D-Bus.

Only services that cannot run here: GNOME's screensaver and session manager belong to gnome-shell and gnome-session
(a whole desktop session), KDE's `Inhibited` to Plasma, logind to systemd as the system's init. Mutter's idle
monitor is not stood in for: e2e/presence-mutter.spec.ts runs the real compositor, headless.
--session: GNOME's screensaver (GetActive, ActiveChanged), the notification service's KDE-style `Inhibited`
property, and GNOME's session manager (`InhibitedActions`). --system: logind's manager and one session
(LockedHint, Lock, Unlock).
--hang NAME: owns NAME and never answers anything (a hung service).
Tests drive them through org.limber.Test (SetLocked, SetInhibited, SetInhibitedActions).
Prints "ready" once every name is owned.
"""
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

DBusGMainLoop(set_as_default=True)
TEST = 'org.limber.Test'
PROPS = 'org.freedesktop.DBus.Properties'


class ScreenSaver(dbus.service.Object):
    IFACE = 'org.gnome.ScreenSaver'

    def __init__(self, bus):
        super().__init__(bus, '/org/gnome/ScreenSaver')
        self.active = False

    @dbus.service.method(IFACE, out_signature='b')
    def GetActive(self):
        return self.active

    @dbus.service.signal(IFACE, signature='b')
    def ActiveChanged(self, active):
        pass

    @dbus.service.method(TEST, in_signature='b')
    def SetLocked(self, active):
        self.active = bool(active)
        self.ActiveChanged(self.active)


class PropertyObject(dbus.service.Object):
    """One interface with read-only properties, PropertiesChanged on every test change."""

    def __init__(self, bus, path, iface, props):
        super().__init__(bus, path)
        self.iface = iface
        self.props = props

    @dbus.service.method(PROPS, in_signature='ss', out_signature='v')
    def Get(self, iface, name):
        if iface != self.iface or name not in self.props:
            raise dbus.exceptions.DBusException('no such property', name='org.freedesktop.DBus.Error.UnknownProperty')
        return self.props[name]

    @dbus.service.method(PROPS, in_signature='s', out_signature='a{sv}')
    def GetAll(self, iface):
        return self.props if iface == self.iface else {}

    @dbus.service.signal(PROPS, signature='sa{sv}as')
    def PropertiesChanged(self, iface, changed, invalidated):
        pass

    def change(self, name, value):
        self.props[name] = value
        self.PropertiesChanged(self.iface, {name: value}, [])


class Notifications(PropertyObject):
    def __init__(self, bus):
        super().__init__(bus, '/org/freedesktop/Notifications', 'org.freedesktop.Notifications', {'Inhibited': dbus.Boolean(False)})

    @dbus.service.method(TEST, in_signature='b')
    def SetInhibited(self, on):
        self.change('Inhibited', dbus.Boolean(on))


class SessionManager(PropertyObject):
    def __init__(self, bus):
        super().__init__(bus, '/org/gnome/SessionManager', 'org.gnome.SessionManager', {'InhibitedActions': dbus.UInt32(0)})

    @dbus.service.signal('org.gnome.SessionManager', signature='o')
    def InhibitorAdded(self, path):
        pass

    @dbus.service.signal('org.gnome.SessionManager', signature='o')
    def InhibitorRemoved(self, path):
        pass

    @dbus.service.method(TEST, in_signature='u')
    def SetInhibitedActions(self, flags):
        self.change('InhibitedActions', dbus.UInt32(flags))
        (self.InhibitorAdded if flags else self.InhibitorRemoved)(dbus.ObjectPath('/org/gnome/SessionManager/Inhibitor1'))


SESSION_PATH = '/org/freedesktop/login1/session/_31'


class LoginManager(dbus.service.Object):
    IFACE = 'org.freedesktop.login1.Manager'

    def __init__(self, bus):
        super().__init__(bus, '/org/freedesktop/login1')

    @dbus.service.method(IFACE, in_signature='u', out_signature='o')
    def GetSessionByPID(self, pid):
        return dbus.ObjectPath(SESSION_PATH)

    @dbus.service.method(IFACE, in_signature='s', out_signature='o')
    def GetSession(self, sid):
        return dbus.ObjectPath(SESSION_PATH)


class LoginSession(PropertyObject):
    IFACE = 'org.freedesktop.login1.Session'

    def __init__(self, bus):
        super().__init__(bus, SESSION_PATH, self.IFACE, {'LockedHint': dbus.Boolean(False)})

    @dbus.service.signal(IFACE)
    def Lock(self):
        pass

    @dbus.service.signal(IFACE)
    def Unlock(self):
        pass

    @dbus.service.method(TEST, in_signature='b')
    def SetLocked(self, locked):
        (self.Lock if locked else self.Unlock)()
        self.change('LockedHint', dbus.Boolean(locked))


class Hung(dbus.service.Object):
    """Accepts every call on its object and never replies."""

    def __init__(self, bus, path):
        super().__init__(bus, path)

    @dbus.service.method(PROPS, in_signature='ss', out_signature='v', async_callbacks=('ok', 'err'))
    def Get(self, iface, name, ok, err):
        pass


def main():
    mode = sys.argv[1]
    bus = dbus.SessionBus()
    keep = []
    if mode == '--session':
        keep = [ScreenSaver(bus), Notifications(bus), SessionManager(bus)]
        names = ['org.gnome.ScreenSaver', 'org.freedesktop.Notifications', 'org.gnome.SessionManager']
    elif mode == '--system':
        keep = [LoginManager(bus), LoginSession(bus)]
        names = ['org.freedesktop.login1']
    elif mode == '--hang':
        names = [sys.argv[2]]
        keep = [Hung(bus, sys.argv[3])]
    else:
        sys.exit('usage: fake-desktop.py --session | --system | --hang NAME PATH')
    keep.extend(dbus.service.BusName(n, bus, do_not_queue=True) for n in names)
    print('ready', flush=True)
    GLib.MainLoop().run()


main()
