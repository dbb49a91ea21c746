({
    /**
     * The bridge (c/pcOmniToolkit's OmniToolkitBridge): the toolkit's presence calls, the statuses read through
     * Apex, and a subscription to the forwarded events. Calls from the console arrive outside Aura's lifecycle, so
     * each runs through $A.getCallback. Values pass as the platform gives them; the console checks them.
     */
    bridge: function (component) {
        var listeners = [];
        var toolkit = function () {
            return component.find('omniToolkit');
        };
        var inAura = function (run) {
            return $A.getCallback(run)();
        };
        return {
            getServicePresenceStatusId: function () {
                return inAura(function () {
                    return toolkit().getServicePresenceStatusId();
                });
            },
            setServicePresenceStatus: function (args) {
                return inAura(function () {
                    return toolkit().setServicePresenceStatus({ statusId: String(args && args.statusId) });
                });
            },
            logout: function () {
                return inAura(function () {
                    return toolkit().logout();
                });
            },
            listStatuses: function () {
                return new Promise(function (resolve, reject) {
                    inAura(function () {
                        var action = component.get('c.getPresenceStatuses');
                        action.setCallback(this, function (response) {
                            if (response.getState() === 'SUCCESS') {
                                resolve(response.getReturnValue());
                            } else {
                                reject(new Error('getPresenceStatuses ' + response.getState()));
                            }
                        });
                        $A.enqueueAction(action);
                    });
                });
            },
            subscribe: function (listener) {
                listeners.push(listener);
                return function () {
                    var at = listeners.indexOf(listener);
                    if (at >= 0) {
                        listeners.splice(at, 1);
                    }
                };
            },
            emit: function (name, params) {
                listeners.slice().forEach(function (listener) {
                    try {
                        listener(name, params);
                    } catch (e) {
                        // One faulty listener must not stop the others.
                    }
                });
            }
        };
    },

    /** Hands an Omni-Channel event to the console's listeners. */
    emit: function (component, name, params) {
        var bridge = component.get('v.bridge');
        if (bridge && bridge.emit) {
            bridge.emit(name, params);
        }
    }
});
