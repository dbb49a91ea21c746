({
    /** Builds the bridge the console calls Omni-Channel through, before the console renders. */
    init: function (component, event, helper) {
        component.set('v.bridge', helper.bridge(component));
    },

    /** lightning:omniChannelStatusChanged: the agent's status changed (reason says by whom). */
    onStatusChanged: function (component, event, helper) {
        helper.emit(component, 'statusChanged', {
            statusId: event.getParam('statusId'),
            statusName: event.getParam('statusName'),
            statusApiName: event.getParam('statusApiName'),
            reason: event.getParam('reason')
        });
    },

    /** lightning:omniChannelLogout: the agent left Omni-Channel. */
    onLogout: function (component, event, helper) {
        helper.emit(component, 'logout', { reason: event.getParam('reason') });
    },

    /** lightning:omniChannelLoginSuccess: the agent logged in to Omni-Channel with a status. */
    onLoginSuccess: function (component, event, helper) {
        helper.emit(component, 'loginSuccess', { statusId: event.getParam('statusId') });
    }
});
