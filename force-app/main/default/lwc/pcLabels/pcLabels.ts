/**
 * Every user-facing text of the console, from custom labels (BX-8), so an admin can translate it.
 * This is the only module that imports `@salesforce/label/c.PC_*`.
 */
import {
    AgentStatus,
    CallStatus,
    ConnectionStatus,
    DestinationUnavailableReason,
    ErrorCode,
    ErrorSource,
    MachineOverride,
    MessageKind,
    Outcome,
    PreviewAction,
    RescheduleErrorCode
} from 'c/pcModel';
import type { SettingsProblem } from 'c/pcModel';
import PC_Accept from '@salesforce/label/c.PC_Accept';
import PC_Requeue from '@salesforce/label/c.PC_Requeue';
import PC_Reschedule from '@salesforce/label/c.PC_Reschedule';
import PC_Snooze from '@salesforce/label/c.PC_Snooze';
import PC_AnsweringMachine from '@salesforce/label/c.PC_AnsweringMachine';
import PC_Fax from '@salesforce/label/c.PC_Fax';
import PC_BadNumber from '@salesforce/label/c.PC_BadNumber';
import PC_Hold from '@salesforce/label/c.PC_Hold';
import PC_Resume from '@salesforce/label/c.PC_Resume';
import PC_Mute from '@salesforce/label/c.PC_Mute';
import PC_Unmute from '@salesforce/label/c.PC_Unmute';
import PC_EndCall from '@salesforce/label/c.PC_EndCall';
import PC_Transfer from '@salesforce/label/c.PC_Transfer';
import PC_Save from '@salesforce/label/c.PC_Save';
import PC_Cancel from '@salesforce/label/c.PC_Cancel';
import PC_Logout from '@salesforce/label/c.PC_Logout';
import PC_Retry from '@salesforce/label/c.PC_Retry';
import PC_Dismiss from '@salesforce/label/c.PC_Dismiss';
import PC_Close from '@salesforce/label/c.PC_Close';
import PC_TransferNow from '@salesforce/label/c.PC_TransferNow';
import PC_OpenRecord from '@salesforce/label/c.PC_OpenRecord';
import PC_AgentMessages from '@salesforce/label/c.PC_AgentMessages';
import PC_AgentMessagesCount from '@salesforce/label/c.PC_AgentMessagesCount';
import PC_CloseWithoutDialing from '@salesforce/label/c.PC_CloseWithoutDialing';
import PC_WithShortcut from '@salesforce/label/c.PC_WithShortcut';
import PC_Tab_ContactHistory from '@salesforce/label/c.PC_Tab_ContactHistory';
import PC_Tab_Attempts from '@salesforce/label/c.PC_Tab_Attempts';
import PC_Tab_AttemptsHistory from '@salesforce/label/c.PC_Tab_AttemptsHistory';
import PC_Status_Dialing from '@salesforce/label/c.PC_Status_Dialing';
import PC_Status_Ringing from '@salesforce/label/c.PC_Status_Ringing';
import PC_Status_AMD from '@salesforce/label/c.PC_Status_AMD';
import PC_Status_Active from '@salesforce/label/c.PC_Status_Active';
import PC_Status_Held from '@salesforce/label/c.PC_Status_Held';
import PC_Status_Ended from '@salesforce/label/c.PC_Status_Ended';
import PC_Agent_LoggedOut from '@salesforce/label/c.PC_Agent_LoggedOut';
import PC_Agent_Available from '@salesforce/label/c.PC_Agent_Available';
import PC_Agent_Unavailable from '@salesforce/label/c.PC_Agent_Unavailable';
import PC_Agent_UnavailableReason from '@salesforce/label/c.PC_Agent_UnavailableReason';
import PC_Agent_Working from '@salesforce/label/c.PC_Agent_Working';
import PC_Agent_ActiveSkill from '@salesforce/label/c.PC_Agent_ActiveSkill';
import PC_Agent_PendingLogout from '@salesforce/label/c.PC_Agent_PendingLogout';
import PC_Agent_PendingUnavailable from '@salesforce/label/c.PC_Agent_PendingUnavailable';
import PC_Agent_Panel from '@salesforce/label/c.PC_Agent_Panel';
import PC_Agent_Skills from '@salesforce/label/c.PC_Agent_Skills';
import PC_Agent_NoSkills from '@salesforce/label/c.PC_Agent_NoSkills';
import PC_Agent_States from '@salesforce/label/c.PC_Agent_States';
import PC_Agent_UnavailableReasons from '@salesforce/label/c.PC_Agent_UnavailableReasons';
import PC_Agent_Current from '@salesforce/label/c.PC_Agent_Current';
import PC_Conn_Label from '@salesforce/label/c.PC_Conn_Label';
import PC_Conn_Disconnected from '@salesforce/label/c.PC_Conn_Disconnected';
import PC_Conn_Connecting from '@salesforce/label/c.PC_Conn_Connecting';
import PC_Conn_Connected from '@salesforce/label/c.PC_Conn_Connected';
import PC_Conn_Reconnecting from '@salesforce/label/c.PC_Conn_Reconnecting';
import PC_Conn_NextRetry from '@salesforce/label/c.PC_Conn_NextRetry';
import PC_Conn_Failed from '@salesforce/label/c.PC_Conn_Failed';
import PC_Conn_FailedHelp from '@salesforce/label/c.PC_Conn_FailedHelp';
import PC_Conn_Mirroring from '@salesforce/label/c.PC_Conn_Mirroring';
import PC_Conn_Resynchronising from '@salesforce/label/c.PC_Conn_Resynchronising';
import PC_Cfg_CxoneStation from '@salesforce/label/c.PC_Cfg_CxoneStation';
import PC_SignIn_Button from '@salesforce/label/c.PC_SignIn_Button';
import PC_SignIn_Help from '@salesforce/label/c.PC_SignIn_Help';
import PC_SignIn_Pending from '@salesforce/label/c.PC_SignIn_Pending';
import PC_Cfg_Heading from '@salesforce/label/c.PC_Cfg_Heading';
import PC_Cfg_Problem from '@salesforce/label/c.PC_Cfg_Problem';
import PC_Cfg_ProblemEmpty from '@salesforce/label/c.PC_Cfg_ProblemEmpty';
import PC_Cfg_Missing from '@salesforce/label/c.PC_Cfg_Missing';
import PC_Cfg_OutOfRange from '@salesforce/label/c.PC_Cfg_OutOfRange';
import PC_Cfg_Invalid from '@salesforce/label/c.PC_Cfg_Invalid';
import PC_Cfg_UnknownField from '@salesforce/label/c.PC_Cfg_UnknownField';
import PC_Call_Heading from '@salesforce/label/c.PC_Call_Heading';
import PC_Call_None from '@salesforce/label/c.PC_Call_None';
import PC_Call_Line from '@salesforce/label/c.PC_Call_Line';
import PC_Call_MostLikely from '@salesforce/label/c.PC_Call_MostLikely';
import PC_Call_Callback from '@salesforce/label/c.PC_Call_Callback';
import PC_Call_TimeInState from '@salesforce/label/c.PC_Call_TimeInState';
import PC_Call_Routed from '@salesforce/label/c.PC_Call_Routed';
import PC_Call_Outcome from '@salesforce/label/c.PC_Call_Outcome';
import PC_Call_Muted from '@salesforce/label/c.PC_Call_Muted';
import PC_Call_WrapUp from '@salesforce/label/c.PC_Call_WrapUp';
import PC_Call_Disposition from '@salesforce/label/c.PC_Call_Disposition';
import PC_Call_DispositionPlaceholder from '@salesforce/label/c.PC_Call_DispositionPlaceholder';
import PC_Call_Notes from '@salesforce/label/c.PC_Call_Notes';
import PC_Call_NotesRequired from '@salesforce/label/c.PC_Call_NotesRequired';
import PC_Call_DispositionRequired from '@salesforce/label/c.PC_Call_DispositionRequired';
import PC_Call_Saved from '@salesforce/label/c.PC_Call_Saved';
import PC_Call_TransferTo from '@salesforce/label/c.PC_Call_TransferTo';
import PC_Call_TransferSkill from '@salesforce/label/c.PC_Call_TransferSkill';
import PC_Call_TransferAgent from '@salesforce/label/c.PC_Call_TransferAgent';
import PC_Call_TransferNumber from '@salesforce/label/c.PC_Call_TransferNumber';
import PC_Call_TransferTarget from '@salesforce/label/c.PC_Call_TransferTarget';
import PC_Call_TransferRequired from '@salesforce/label/c.PC_Call_TransferRequired';
import PC_Call_Sending from '@salesforce/label/c.PC_Call_Sending';
import PC_Call_Number from '@salesforce/label/c.PC_Call_Number';
import PC_Preview_Heading from '@salesforce/label/c.PC_Preview_Heading';
import PC_Preview_NumberToDial from '@salesforce/label/c.PC_Preview_NumberToDial';
import PC_Preview_AttemptsSoFar from '@salesforce/label/c.PC_Preview_AttemptsSoFar';
import PC_Preview_Pending from '@salesforce/label/c.PC_Preview_Pending';
import PC_Preview_Failed from '@salesforce/label/c.PC_Preview_Failed';
import PC_Preview_CountdownRequeue from '@salesforce/label/c.PC_Preview_CountdownRequeue';
import PC_Preview_CountdownDial from '@salesforce/label/c.PC_Preview_CountdownDial';
import PC_Preview_Countdown from '@salesforce/label/c.PC_Preview_Countdown';
import PC_Resched_Heading from '@salesforce/label/c.PC_Resched_Heading';
import PC_Resched_Number from '@salesforce/label/c.PC_Resched_Number';
import PC_Resched_DeliverTo from '@salesforce/label/c.PC_Resched_DeliverTo';
import PC_Resched_Me from '@salesforce/label/c.PC_Resched_Me';
import PC_Resched_Skill from '@salesforce/label/c.PC_Resched_Skill';
import PC_Resched_Date from '@salesforce/label/c.PC_Resched_Date';
import PC_Resched_Time from '@salesforce/label/c.PC_Resched_Time';
import PC_Resched_TimeZone from '@salesforce/label/c.PC_Resched_TimeZone';
import PC_Resched_Notes from '@salesforce/label/c.PC_Resched_Notes';
import PC_Resched_NotesCounter from '@salesforce/label/c.PC_Resched_NotesCounter';
import PC_Resched_ContactTime from '@salesforce/label/c.PC_Resched_ContactTime';
import PC_Resched_Saving from '@salesforce/label/c.PC_Resched_Saving';
import PC_Resched_Invalid from '@salesforce/label/c.PC_Resched_Invalid';
import PC_RsErr_Required from '@salesforce/label/c.PC_RsErr_Required';
import PC_RsErr_InvalidNumber from '@salesforce/label/c.PC_RsErr_InvalidNumber';
import PC_RsErr_ForeignNumber from '@salesforce/label/c.PC_RsErr_ForeignNumber';
import PC_RsErr_InvalidDate from '@salesforce/label/c.PC_RsErr_InvalidDate';
import PC_RsErr_InvalidTime from '@salesforce/label/c.PC_RsErr_InvalidTime';
import PC_RsErr_NotInFuture from '@salesforce/label/c.PC_RsErr_NotInFuture';
import PC_RsErr_TooFarAhead from '@salesforce/label/c.PC_RsErr_TooFarAhead';
import PC_RsErr_UnknownZone from '@salesforce/label/c.PC_RsErr_UnknownZone';
import PC_RsErr_NonexistentLocalTime from '@salesforce/label/c.PC_RsErr_NonexistentLocalTime';
import PC_RsErr_AmbiguousLocalTime from '@salesforce/label/c.PC_RsErr_AmbiguousLocalTime';
import PC_RsErr_NotesTooLong from '@salesforce/label/c.PC_RsErr_NotesTooLong';
import PC_RsErr_InvalidDeliverTo from '@salesforce/label/c.PC_RsErr_InvalidDeliverTo';
import PC_Marquee_Callback from '@salesforce/label/c.PC_Marquee_Callback';
import PC_Msg_None from '@salesforce/label/c.PC_Msg_None';
import PC_Msg_Callback from '@salesforce/label/c.PC_Msg_Callback';
import PC_Msg_Routed from '@salesforce/label/c.PC_Msg_Routed';
import PC_Msg_Info from '@salesforce/label/c.PC_Msg_Info';
import PC_Msg_Warning from '@salesforce/label/c.PC_Msg_Warning';
import PC_Pop_Heading from '@salesforce/label/c.PC_Pop_Heading';
import PC_Pop_Name from '@salesforce/label/c.PC_Pop_Name';
import PC_Pop_Phone from '@salesforce/label/c.PC_Pop_Phone';
import PC_Pop_Email from '@salesforce/label/c.PC_Pop_Email';
import PC_Pop_Account from '@salesforce/label/c.PC_Pop_Account';
import PC_Pop_Title from '@salesforce/label/c.PC_Pop_Title';
import PC_Pop_City from '@salesforce/label/c.PC_Pop_City';
import PC_Pop_Interactions from '@salesforce/label/c.PC_Pop_Interactions';
import PC_Pop_NoInteractions from '@salesforce/label/c.PC_Pop_NoInteractions';
import PC_Pop_NoContact from '@salesforce/label/c.PC_Pop_NoContact';
import PC_Pop_Loading from '@salesforce/label/c.PC_Pop_Loading';
import PC_Hist_DestinationDescription from '@salesforce/label/c.PC_Hist_DestinationDescription';
import PC_Hist_DestinationValue from '@salesforce/label/c.PC_Hist_DestinationValue';
import PC_Hist_Attempts from '@salesforce/label/c.PC_Hist_Attempts';
import PC_Hist_AvailableTime from '@salesforce/label/c.PC_Hist_AvailableTime';
import PC_Hist_LastPresentation from '@salesforce/label/c.PC_Hist_LastPresentation';
import PC_Hist_LastOutcome from '@salesforce/label/c.PC_Hist_LastOutcome';
import PC_Hist_UnavailableReason from '@salesforce/label/c.PC_Hist_UnavailableReason';
import PC_Hist_Now from '@salesforce/label/c.PC_Hist_Now';
import PC_Hist_NotCallable from '@salesforce/label/c.PC_Hist_NotCallable';
import PC_Hist_AttemptReport from '@salesforce/label/c.PC_Hist_AttemptReport';
import PC_Hist_Attempt from '@salesforce/label/c.PC_Hist_Attempt';
import PC_Hist_Date from '@salesforce/label/c.PC_Hist_Date';
import PC_Hist_AttemptOutcome from '@salesforce/label/c.PC_Hist_AttemptOutcome';
import PC_Hist_NoAttempts from '@salesforce/label/c.PC_Hist_NoAttempts';
import PC_Reason_Exhausted from '@salesforce/label/c.PC_Reason_Exhausted';
import PC_Reason_Finalized from '@salesforce/label/c.PC_Reason_Finalized';
import PC_Reason_DNC from '@salesforce/label/c.PC_Reason_DNC';
import PC_Reason_LastOutcomeNotActive from '@salesforce/label/c.PC_Reason_LastOutcomeNotActive';
import PC_Reason_DestinationNotActive from '@salesforce/label/c.PC_Reason_DestinationNotActive';
import PC_Reason_MaxAMD from '@salesforce/label/c.PC_Reason_MaxAMD';
import PC_Reason_NotInCadence from '@salesforce/label/c.PC_Reason_NotInCadence';
import PC_Reason_Presented from '@salesforce/label/c.PC_Reason_Presented';
import PC_Out_Live from '@salesforce/label/c.PC_Out_Live';
import PC_Out_AnsweringMachine from '@salesforce/label/c.PC_Out_AnsweringMachine';
import PC_Out_Fax from '@salesforce/label/c.PC_Out_Fax';
import PC_Out_BadNumber from '@salesforce/label/c.PC_Out_BadNumber';
import PC_Out_NoAnswer from '@salesforce/label/c.PC_Out_NoAnswer';
import PC_Out_Busy from '@salesforce/label/c.PC_Out_Busy';
import PC_Out_Refused from '@salesforce/label/c.PC_Out_Refused';
import PC_Out_WrongNumber from '@salesforce/label/c.PC_Out_WrongNumber';
import PC_Out_DoNotCall from '@salesforce/label/c.PC_Out_DoNotCall';
import PC_Out_Rescheduled from '@salesforce/label/c.PC_Out_Rescheduled';
import PC_Out_Requeued from '@salesforce/label/c.PC_Out_Requeued';
import PC_Out_Snoozed from '@salesforce/label/c.PC_Out_Snoozed';
import PC_Out_Routed from '@salesforce/label/c.PC_Out_Routed';
import PC_Out_Completed from '@salesforce/label/c.PC_Out_Completed';
import PC_Out_Sale from '@salesforce/label/c.PC_Out_Sale';
import PC_Out_Abandoned from '@salesforce/label/c.PC_Out_Abandoned';
import PC_Err_Heading from '@salesforce/label/c.PC_Err_Heading';
import PC_Err_Dialer from '@salesforce/label/c.PC_Err_Dialer';
import PC_Err_Salesforce from '@salesforce/label/c.PC_Err_Salesforce';
import PC_Err_Validation from '@salesforce/label/c.PC_Err_Validation';
import PC_Err_Configuration from '@salesforce/label/c.PC_Err_Configuration';
import PC_Err_Rejected from '@salesforce/label/c.PC_Err_Rejected';
import PC_Err_Timeout from '@salesforce/label/c.PC_Err_Timeout';
import PC_Err_NotConnected from '@salesforce/label/c.PC_Err_NotConnected';
import PC_Err_InvalidState from '@salesforce/label/c.PC_Err_InvalidState';
import PC_Err_Network from '@salesforce/label/c.PC_Err_Network';
import PC_Err_Unauthorized from '@salesforce/label/c.PC_Err_Unauthorized';
import PC_Err_SessionEnded from '@salesforce/label/c.PC_Err_SessionEnded';
import PC_Err_Protocol from '@salesforce/label/c.PC_Err_Protocol';
import PC_Err_Unsupported from '@salesforce/label/c.PC_Err_Unsupported';
import PC_Err_InFlight from '@salesforce/label/c.PC_Err_InFlight';
import PC_Err_NotFound from '@salesforce/label/c.PC_Err_NotFound';
import PC_Err_Permission from '@salesforce/label/c.PC_Err_Permission';
import PC_Err_Unknown from '@salesforce/label/c.PC_Err_Unknown';
import PC_Err_Unavailable from '@salesforce/label/c.PC_Err_Unavailable';
import PC_Err_Detail from '@salesforce/label/c.PC_Err_Detail';
import PC_Console_Title from '@salesforce/label/c.PC_Console_Title';
import PC_Resched_Contact from '@salesforce/label/c.PC_Resched_Contact';
import PC_Resched_Warning from '@salesforce/label/c.PC_Resched_Warning';
import PC_Resched_SaveFailed from '@salesforce/label/c.PC_Resched_SaveFailed';
import PC_Cfg_LinesPerAgent from '@salesforce/label/c.PC_Cfg_LinesPerAgent';
import PC_Cfg_PreviewEnabled from '@salesforce/label/c.PC_Cfg_PreviewEnabled';
import PC_Cfg_RescheduleEnabled from '@salesforce/label/c.PC_Cfg_RescheduleEnabled';
import PC_Cfg_ScreenPopsEnabled from '@salesforce/label/c.PC_Cfg_ScreenPopsEnabled';
import PC_Cfg_AttemptsHistoryEnabled from '@salesforce/label/c.PC_Cfg_AttemptsHistoryEnabled';
import PC_Cfg_DefaultDeliverTo from '@salesforce/label/c.PC_Cfg_DefaultDeliverTo';
import PC_Cfg_CallingHoursGuard from '@salesforce/label/c.PC_Cfg_CallingHoursGuard';
import PC_Cfg_CallingHoursStart from '@salesforce/label/c.PC_Cfg_CallingHoursStart';
import PC_Cfg_CallingHoursEnd from '@salesforce/label/c.PC_Cfg_CallingHoursEnd';
import PC_Cfg_NotesMaxLength from '@salesforce/label/c.PC_Cfg_NotesMaxLength';
import PC_Cfg_DialerAdapter from '@salesforce/label/c.PC_Cfg_DialerAdapter';
import PC_Cfg_DialerEndpoint from '@salesforce/label/c.PC_Cfg_DialerEndpoint';
import PC_Cfg_CxoneAuthHost from '@salesforce/label/c.PC_Cfg_CxoneAuthHost';
import PC_Cfg_CxoneAuthorizeEndpoint from '@salesforce/label/c.PC_Cfg_CxoneAuthorizeEndpoint';
import PC_Cfg_CxoneTokenEndpoint from '@salesforce/label/c.PC_Cfg_CxoneTokenEndpoint';
import PC_Cfg_CxoneClientId from '@salesforce/label/c.PC_Cfg_CxoneClientId';
import PC_Cfg_CxoneTenantId from '@salesforce/label/c.PC_Cfg_CxoneTenantId';
import PC_Cfg_CxoneAgentId from '@salesforce/label/c.PC_Cfg_CxoneAgentId';
import PC_Cfg_CxoneRedirectUri from '@salesforce/label/c.PC_Cfg_CxoneRedirectUri';
import PC_Cfg_ValueOne from '@salesforce/label/c.PC_Cfg_ValueOne';
import PC_Cfg_ValueTwo from '@salesforce/label/c.PC_Cfg_ValueTwo';
import PC_Cfg_PageProperty from '@salesforce/label/c.PC_Cfg_PageProperty';
import PC_Cfg_ContactTab from '@salesforce/label/c.PC_Cfg_ContactTab';
import PC_AH_FromSalesforce from '@salesforce/label/c.PC_AH_FromSalesforce';
import PC_AH_Unknown from '@salesforce/label/c.PC_AH_Unknown';
import PC_RsErr_DateFormat from '@salesforce/label/c.PC_RsErr_DateFormat';
import PC_RsErr_MonthOutOfRange from '@salesforce/label/c.PC_RsErr_MonthOutOfRange';
import PC_RsErr_DayOutOfRange from '@salesforce/label/c.PC_RsErr_DayOutOfRange';
import PC_RsErr_TimeFormat from '@salesforce/label/c.PC_RsErr_TimeFormat';
import PC_RsErr_HourOutOfRange from '@salesforce/label/c.PC_RsErr_HourOutOfRange';
import PC_RsErr_MinuteOutOfRange from '@salesforce/label/c.PC_RsErr_MinuteOutOfRange';
import PC_RsErr_NumberTooShort from '@salesforce/label/c.PC_RsErr_NumberTooShort';
import PC_RsErr_NumberTooLong from '@salesforce/label/c.PC_RsErr_NumberTooLong';
import PC_RsErr_NotANumber from '@salesforce/label/c.PC_RsErr_NotANumber';
import PC_RsErr_NumberHasExtension from '@salesforce/label/c.PC_RsErr_NumberHasExtension';
import PC_Resched_DateHint from '@salesforce/label/c.PC_Resched_DateHint';
import PC_Resched_TimeHint from '@salesforce/label/c.PC_Resched_TimeHint';
import PC_Resched_ZonePlaceholder from '@salesforce/label/c.PC_Resched_ZonePlaceholder';
import PC_Resched_ZoneNoMatch from '@salesforce/label/c.PC_Resched_ZoneNoMatch';
import PC_Resched_ZoneCount from '@salesforce/label/c.PC_Resched_ZoneCount';
import PC_Resched_WhenContact from '@salesforce/label/c.PC_Resched_WhenContact';
import PC_Resched_WhenAgent from '@salesforce/label/c.PC_Resched_WhenAgent';
import PC_Resched_ZoneNotKept from '@salesforce/label/c.PC_Resched_ZoneNotKept';
import PC_Resched_OnlyTarget from '@salesforce/label/c.PC_Resched_OnlyTarget';
import PC_Confirm_Reschedule from '@salesforce/label/c.PC_Confirm_Reschedule';
import PC_Confirm_RescheduleSameZone from '@salesforce/label/c.PC_Confirm_RescheduleSameZone';
import PC_Confirm_Accept from '@salesforce/label/c.PC_Confirm_Accept';
import PC_Confirm_Requeue from '@salesforce/label/c.PC_Confirm_Requeue';
import PC_Confirm_Snooze from '@salesforce/label/c.PC_Confirm_Snooze';
import PC_Confirm_Disposition from '@salesforce/label/c.PC_Confirm_Disposition';
import PC_Confirm_Dismiss from '@salesforce/label/c.PC_Confirm_Dismiss';
import PC_Msg_CallbackNotes from '@salesforce/label/c.PC_Msg_CallbackNotes';
import PC_Call_TimeInStatus from '@salesforce/label/c.PC_Call_TimeInStatus';
import PC_Call_TalkTime from '@salesforce/label/c.PC_Call_TalkTime';
import PC_Call_TransferAgentPlaceholder from '@salesforce/label/c.PC_Call_TransferAgentPlaceholder';
import PC_Call_TransferNumberPlaceholder from '@salesforce/label/c.PC_Call_TransferNumberPlaceholder';
import PC_Call_TransferAgentHelp from '@salesforce/label/c.PC_Call_TransferAgentHelp';
import PC_Call_TransferNumberHelp from '@salesforce/label/c.PC_Call_TransferNumberHelp';
import PC_Call_TransferAgentLabel from '@salesforce/label/c.PC_Call_TransferAgentLabel';
import PC_Call_TransferNumberLabel from '@salesforce/label/c.PC_Call_TransferNumberLabel';
import PC_Call_TransferSkillLabel from '@salesforce/label/c.PC_Call_TransferSkillLabel';
import PC_Err_Details from '@salesforce/label/c.PC_Err_Details';
import PC_Shortcuts_Title from '@salesforce/label/c.PC_Shortcuts_Title';
import PC_Shortcuts_Intro from '@salesforce/label/c.PC_Shortcuts_Intro';
import PC_Shortcuts_Action from '@salesforce/label/c.PC_Shortcuts_Action';
import PC_Shortcuts_Keys from '@salesforce/label/c.PC_Shortcuts_Keys';
import PC_Out_Transferred from '@salesforce/label/c.PC_Out_Transferred';
import PC_Preview_DispositionToggle from '@salesforce/label/c.PC_Preview_DispositionToggle';
import PC_Confirm_WrapUp from '@salesforce/label/c.PC_Confirm_WrapUp';
import PC_Confirm_WrapUpAtZero from '@salesforce/label/c.PC_Confirm_WrapUpAtZero';
import PC_Confirm_AnsweringMachine from '@salesforce/label/c.PC_Confirm_AnsweringMachine';
import PC_Confirm_Fax from '@salesforce/label/c.PC_Confirm_Fax';
import PC_Confirm_BadNumber from '@salesforce/label/c.PC_Confirm_BadNumber';
import PC_Confirm_Voicemail from '@salesforce/label/c.PC_Confirm_Voicemail';
import PC_Confirm_Logout from '@salesforce/label/c.PC_Confirm_Logout';
import PC_Cfg_RuleSets from '@salesforce/label/c.PC_Cfg_RuleSets';
import PC_Cfg_ContactTimeZoneField from '@salesforce/label/c.PC_Cfg_ContactTimeZoneField';
import PC_Cfg_ContactCountryField from '@salesforce/label/c.PC_Cfg_ContactCountryField';
import PC_Cfg_ContactStateField from '@salesforce/label/c.PC_Cfg_ContactStateField';
import PC_Cp_Window from '@salesforce/label/c.PC_Cp_Window';
import PC_Cp_ContactLimit from '@salesforce/label/c.PC_Cp_ContactLimit';
import PC_Cp_DestinationLimit from '@salesforce/label/c.PC_Cp_DestinationLimit';
import PC_Cp_Dnc from '@salesforce/label/c.PC_Cp_Dnc';
import PC_Cp_CallableIn from '@salesforce/label/c.PC_Cp_CallableIn';
import PC_Cp_CallableAt from '@salesforce/label/c.PC_Cp_CallableAt';
import PC_Cp_NotCallable from '@salesforce/label/c.PC_Cp_NotCallable';
import PC_Cp_Hours from '@salesforce/label/c.PC_Cp_Hours';
import PC_Cp_Days from '@salesforce/label/c.PC_Cp_Days';
import PC_Cp_WaitMinutes from '@salesforce/label/c.PC_Cp_WaitMinutes';
import PC_Cp_WaitHours from '@salesforce/label/c.PC_Cp_WaitHours';
import PC_Cp_Refused from '@salesforce/label/c.PC_Cp_Refused';
import PC_Cp_WarnConfirm from '@salesforce/label/c.PC_Cp_WarnConfirm';
import * as compliance from './complianceText';
import type { ComplianceFinding } from 'c/pcCompliance';
import type { Instant } from 'c/pcModel';
import PC_WrapUp_TimeLeft from '@salesforce/label/c.PC_WrapUp_TimeLeft';
import PC_WrapUp_Announce from '@salesforce/label/c.PC_WrapUp_Announce';
import PC_WrapUp_TimedOut from '@salesforce/label/c.PC_WrapUp_TimedOut';
import PC_WrapUp_AtZeroDisposition from '@salesforce/label/c.PC_WrapUp_AtZeroDisposition';
import PC_WrapUp_AtZeroUnavailable from '@salesforce/label/c.PC_WrapUp_AtZeroUnavailable';
import PC_Cfg_WrapUpLimit from '@salesforce/label/c.PC_Cfg_WrapUpLimit';
import PC_Cfg_WrapUpSkillLimits from '@salesforce/label/c.PC_Cfg_WrapUpSkillLimits';
import PC_Cfg_WrapUpDefaultDisposition from '@salesforce/label/c.PC_Cfg_WrapUpDefaultDisposition';
import PC_Cfg_WrapUpAtZero from '@salesforce/label/c.PC_Cfg_WrapUpAtZero';
import PC_Cfg_NotesRequiredDispositions from '@salesforce/label/c.PC_Cfg_NotesRequiredDispositions';
import PC_Score_Title from '@salesforce/label/c.PC_Score_Title';
import PC_Score_Intro from '@salesforce/label/c.PC_Score_Intro';
import PC_Score_CallsHandled from '@salesforce/label/c.PC_Score_CallsHandled';
import PC_Score_LiveConnects from '@salesforce/label/c.PC_Score_LiveConnects';
import PC_Score_ConnectRate from '@salesforce/label/c.PC_Score_ConnectRate';
import PC_Score_TalkTime from '@salesforce/label/c.PC_Score_TalkTime';
import PC_Score_AverageWrapUp from '@salesforce/label/c.PC_Score_AverageWrapUp';
import PC_Score_CallbacksBooked from '@salesforce/label/c.PC_Score_CallbacksBooked';
import PC_Score_AnsweringMachines from '@salesforce/label/c.PC_Score_AnsweringMachines';
import PC_Out_VoicemailLeft from '@salesforce/label/c.PC_Out_VoicemailLeft';
import PC_Call_DropVoicemail from '@salesforce/label/c.PC_Call_DropVoicemail';
import PC_Call_Failed from '@salesforce/label/c.PC_Call_Failed';
import PC_Dial_Title from '@salesforce/label/c.PC_Dial_Title';
import PC_Dial_Call from '@salesforce/label/c.PC_Dial_Call';
import PC_Dial_None from '@salesforce/label/c.PC_Dial_None';
import PC_Dial_Sent from '@salesforce/label/c.PC_Dial_Sent';
import PC_Dial_Phone from '@salesforce/label/c.PC_Dial_Phone';
import PC_Dial_Mobile from '@salesforce/label/c.PC_Dial_Mobile';
import PC_Dial_HomePhone from '@salesforce/label/c.PC_Dial_HomePhone';
import PC_Dial_OtherPhone from '@salesforce/label/c.PC_Dial_OtherPhone';
import PC_Callable_Column from '@salesforce/label/c.PC_Callable_Column';
import PC_Callable_Now from '@salesforce/label/c.PC_Callable_Now';
import PC_Callable_After from '@salesforce/label/c.PC_Callable_After';
import PC_Callable_Warn from '@salesforce/label/c.PC_Callable_Warn';
import PC_Callable_WarnOpen from '@salesforce/label/c.PC_Callable_WarnOpen';
import PC_Callable_No from '@salesforce/label/c.PC_Callable_No';
import PC_Callable_WindowRule from '@salesforce/label/c.PC_Callable_WindowRule';
import PC_Callable_LimitRule from '@salesforce/label/c.PC_Callable_LimitRule';
import PC_Callable_Dnc from '@salesforce/label/c.PC_Callable_Dnc';
import PC_Callable_Dialer from '@salesforce/label/c.PC_Callable_Dialer';
import * as callable from './callableText';
import type { DestinationCallable } from 'c/pcModel';
import PC_Err_OmniChannel from '@salesforce/label/c.PC_Err_OmniChannel';
import PC_Cp_ErrCompliance from '@salesforce/label/c.PC_Cp_ErrCompliance';
import PC_Cp_CallAnyway from '@salesforce/label/c.PC_Cp_CallAnyway';
import PC_Cp_CallAnywayNamed from '@salesforce/label/c.PC_Cp_CallAnywayNamed';
import PC_Cp_TransferAnyway from '@salesforce/label/c.PC_Cp_TransferAnyway';
import PC_Cp_TransferAnywayNamed from '@salesforce/label/c.PC_Cp_TransferAnywayNamed';
import PC_Cp_SaveAnyway from '@salesforce/label/c.PC_Cp_SaveAnyway';
import PC_Cp_RsBlocked from '@salesforce/label/c.PC_Cp_RsBlocked';
import PC_Cp_RsWarned from '@salesforce/label/c.PC_Cp_RsWarned';
import PC_Cp_TimeWindow from '@salesforce/label/c.PC_Cp_TimeWindow';
import PC_Cp_CallbackRefused from '@salesforce/label/c.PC_Cp_CallbackRefused';

/** Every label of the console by name; values come from the org's translations at run time. */
export const LABELS = Object.freeze({
    accept: PC_Accept,
    requeue: PC_Requeue,
    reschedule: PC_Reschedule,
    snooze: PC_Snooze,
    answeringMachine: PC_AnsweringMachine,
    fax: PC_Fax,
    badNumber: PC_BadNumber,
    hold: PC_Hold,
    resume: PC_Resume,
    mute: PC_Mute,
    unmute: PC_Unmute,
    endCall: PC_EndCall,
    transfer: PC_Transfer,
    save: PC_Save,
    cancel: PC_Cancel,
    logout: PC_Logout,
    retry: PC_Retry,
    dismiss: PC_Dismiss,
    close: PC_Close,
    transferNow: PC_TransferNow,
    openRecord: PC_OpenRecord,
    agentMessages: PC_AgentMessages,
    agentMessagesCount: PC_AgentMessagesCount,
    closeWithoutDialing: PC_CloseWithoutDialing,
    withShortcut: PC_WithShortcut,
    tabContactHistory: PC_Tab_ContactHistory,
    tabAttempts: PC_Tab_Attempts,
    tabAttemptsHistory: PC_Tab_AttemptsHistory,
    statusDialing: PC_Status_Dialing,
    statusRinging: PC_Status_Ringing,
    statusAMD: PC_Status_AMD,
    statusActive: PC_Status_Active,
    statusHeld: PC_Status_Held,
    statusEnded: PC_Status_Ended,
    agentLoggedOut: PC_Agent_LoggedOut,
    agentAvailable: PC_Agent_Available,
    agentUnavailable: PC_Agent_Unavailable,
    agentUnavailableReason: PC_Agent_UnavailableReason,
    agentWorking: PC_Agent_Working,
    agentActiveSkill: PC_Agent_ActiveSkill,
    agentPendingLogout: PC_Agent_PendingLogout,
    agentPendingUnavailable: PC_Agent_PendingUnavailable,
    agentPanel: PC_Agent_Panel,
    agentSkills: PC_Agent_Skills,
    agentNoSkills: PC_Agent_NoSkills,
    agentStates: PC_Agent_States,
    agentUnavailableReasons: PC_Agent_UnavailableReasons,
    agentCurrent: PC_Agent_Current,
    connLabel: PC_Conn_Label,
    connDisconnected: PC_Conn_Disconnected,
    connConnecting: PC_Conn_Connecting,
    connConnected: PC_Conn_Connected,
    connReconnecting: PC_Conn_Reconnecting,
    connNextRetry: PC_Conn_NextRetry,
    connFailed: PC_Conn_Failed,
    connFailedHelp: PC_Conn_FailedHelp,
    connMirroring: PC_Conn_Mirroring,
    connResynchronising: PC_Conn_Resynchronising,
    cfgCxoneStation: PC_Cfg_CxoneStation,
    signInButton: PC_SignIn_Button,
    signInHelp: PC_SignIn_Help,
    signInPending: PC_SignIn_Pending,
    cfgHeading: PC_Cfg_Heading,
    cfgProblem: PC_Cfg_Problem,
    cfgProblemEmpty: PC_Cfg_ProblemEmpty,
    cfgMissing: PC_Cfg_Missing,
    cfgOutOfRange: PC_Cfg_OutOfRange,
    cfgInvalid: PC_Cfg_Invalid,
    cfgUnknownField: PC_Cfg_UnknownField,
    callHeading: PC_Call_Heading,
    callNone: PC_Call_None,
    callLine: PC_Call_Line,
    callMostLikely: PC_Call_MostLikely,
    callCallback: PC_Call_Callback,
    callTimeInState: PC_Call_TimeInState,
    callRouted: PC_Call_Routed,
    callOutcome: PC_Call_Outcome,
    callMuted: PC_Call_Muted,
    callWrapUp: PC_Call_WrapUp,
    callDisposition: PC_Call_Disposition,
    callDispositionPlaceholder: PC_Call_DispositionPlaceholder,
    callNotes: PC_Call_Notes,
    callNotesRequired: PC_Call_NotesRequired,
    callDispositionRequired: PC_Call_DispositionRequired,
    callSaved: PC_Call_Saved,
    callTransferTo: PC_Call_TransferTo,
    callTransferSkill: PC_Call_TransferSkill,
    callTransferAgent: PC_Call_TransferAgent,
    callTransferNumber: PC_Call_TransferNumber,
    callTransferTarget: PC_Call_TransferTarget,
    callTransferRequired: PC_Call_TransferRequired,
    callSending: PC_Call_Sending,
    callNumber: PC_Call_Number,
    previewHeading: PC_Preview_Heading,
    previewNumberToDial: PC_Preview_NumberToDial,
    previewAttemptsSoFar: PC_Preview_AttemptsSoFar,
    previewPending: PC_Preview_Pending,
    previewFailed: PC_Preview_Failed,
    previewCountdownRequeue: PC_Preview_CountdownRequeue,
    previewCountdownDial: PC_Preview_CountdownDial,
    previewCountdown: PC_Preview_Countdown,
    reschedHeading: PC_Resched_Heading,
    reschedNumber: PC_Resched_Number,
    reschedDeliverTo: PC_Resched_DeliverTo,
    reschedMe: PC_Resched_Me,
    reschedSkill: PC_Resched_Skill,
    reschedDate: PC_Resched_Date,
    reschedTime: PC_Resched_Time,
    reschedTimeZone: PC_Resched_TimeZone,
    reschedNotes: PC_Resched_Notes,
    reschedNotesCounter: PC_Resched_NotesCounter,
    reschedContactTime: PC_Resched_ContactTime,
    reschedSaving: PC_Resched_Saving,
    reschedInvalid: PC_Resched_Invalid,
    rsErrRequired: PC_RsErr_Required,
    rsErrInvalidNumber: PC_RsErr_InvalidNumber,
    rsErrForeignNumber: PC_RsErr_ForeignNumber,
    rsErrInvalidDate: PC_RsErr_InvalidDate,
    rsErrInvalidTime: PC_RsErr_InvalidTime,
    rsErrNotInFuture: PC_RsErr_NotInFuture,
    rsErrTooFarAhead: PC_RsErr_TooFarAhead,
    rsErrUnknownZone: PC_RsErr_UnknownZone,
    rsErrNonexistentLocalTime: PC_RsErr_NonexistentLocalTime,
    rsErrAmbiguousLocalTime: PC_RsErr_AmbiguousLocalTime,
    rsErrNotesTooLong: PC_RsErr_NotesTooLong,
    rsErrInvalidDeliverTo: PC_RsErr_InvalidDeliverTo,
    marqueeCallback: PC_Marquee_Callback,
    msgNone: PC_Msg_None,
    msgCallback: PC_Msg_Callback,
    msgRouted: PC_Msg_Routed,
    msgInfo: PC_Msg_Info,
    msgWarning: PC_Msg_Warning,
    popHeading: PC_Pop_Heading,
    popName: PC_Pop_Name,
    popPhone: PC_Pop_Phone,
    popEmail: PC_Pop_Email,
    popAccount: PC_Pop_Account,
    popTitle: PC_Pop_Title,
    popCity: PC_Pop_City,
    popInteractions: PC_Pop_Interactions,
    popNoInteractions: PC_Pop_NoInteractions,
    popNoContact: PC_Pop_NoContact,
    popLoading: PC_Pop_Loading,
    histDestinationDescription: PC_Hist_DestinationDescription,
    histDestinationValue: PC_Hist_DestinationValue,
    histAttempts: PC_Hist_Attempts,
    histAvailableTime: PC_Hist_AvailableTime,
    histLastPresentation: PC_Hist_LastPresentation,
    histLastOutcome: PC_Hist_LastOutcome,
    histUnavailableReason: PC_Hist_UnavailableReason,
    histNow: PC_Hist_Now,
    histNotCallable: PC_Hist_NotCallable,
    histAttemptReport: PC_Hist_AttemptReport,
    histAttempt: PC_Hist_Attempt,
    histDate: PC_Hist_Date,
    histAttemptOutcome: PC_Hist_AttemptOutcome,
    histNoAttempts: PC_Hist_NoAttempts,
    reasonExhausted: PC_Reason_Exhausted,
    reasonFinalized: PC_Reason_Finalized,
    reasonDNC: PC_Reason_DNC,
    reasonLastOutcomeNotActive: PC_Reason_LastOutcomeNotActive,
    reasonDestinationNotActive: PC_Reason_DestinationNotActive,
    reasonMaxAMD: PC_Reason_MaxAMD,
    reasonNotInCadence: PC_Reason_NotInCadence,
    reasonPresented: PC_Reason_Presented,
    outLive: PC_Out_Live,
    outAnsweringMachine: PC_Out_AnsweringMachine,
    outFax: PC_Out_Fax,
    outBadNumber: PC_Out_BadNumber,
    outNoAnswer: PC_Out_NoAnswer,
    outBusy: PC_Out_Busy,
    outRefused: PC_Out_Refused,
    outWrongNumber: PC_Out_WrongNumber,
    outDoNotCall: PC_Out_DoNotCall,
    outRescheduled: PC_Out_Rescheduled,
    outRequeued: PC_Out_Requeued,
    outSnoozed: PC_Out_Snoozed,
    outRouted: PC_Out_Routed,
    outCompleted: PC_Out_Completed,
    outSale: PC_Out_Sale,
    outAbandoned: PC_Out_Abandoned,
    errHeading: PC_Err_Heading,
    errDialer: PC_Err_Dialer,
    errSalesforce: PC_Err_Salesforce,
    errValidation: PC_Err_Validation,
    errConfiguration: PC_Err_Configuration,
    errRejected: PC_Err_Rejected,
    errTimeout: PC_Err_Timeout,
    errNotConnected: PC_Err_NotConnected,
    errInvalidState: PC_Err_InvalidState,
    errNetwork: PC_Err_Network,
    errUnauthorized: PC_Err_Unauthorized,
    errSessionEnded: PC_Err_SessionEnded,
    errProtocol: PC_Err_Protocol,
    errUnsupported: PC_Err_Unsupported,
    errInFlight: PC_Err_InFlight,
    errNotFound: PC_Err_NotFound,
    errPermission: PC_Err_Permission,
    errUnknown: PC_Err_Unknown,
    errUnavailable: PC_Err_Unavailable,
    errDetail: PC_Err_Detail,
    consoleTitle: PC_Console_Title,
    reschedContact: PC_Resched_Contact,
    reschedWarning: PC_Resched_Warning,
    reschedSaveFailed: PC_Resched_SaveFailed,
    cfgLinesPerAgent: PC_Cfg_LinesPerAgent,
    cfgPreviewEnabled: PC_Cfg_PreviewEnabled,
    cfgRescheduleEnabled: PC_Cfg_RescheduleEnabled,
    cfgScreenPopsEnabled: PC_Cfg_ScreenPopsEnabled,
    cfgAttemptsHistoryEnabled: PC_Cfg_AttemptsHistoryEnabled,
    cfgDefaultDeliverTo: PC_Cfg_DefaultDeliverTo,
    cfgCallingHoursGuard: PC_Cfg_CallingHoursGuard,
    cfgCallingHoursStart: PC_Cfg_CallingHoursStart,
    cfgCallingHoursEnd: PC_Cfg_CallingHoursEnd,
    cfgNotesMaxLength: PC_Cfg_NotesMaxLength,
    cfgDialerAdapter: PC_Cfg_DialerAdapter,
    cfgDialerEndpoint: PC_Cfg_DialerEndpoint,
    cfgCxoneAuthHost: PC_Cfg_CxoneAuthHost,
    cfgCxoneAuthorizeEndpoint: PC_Cfg_CxoneAuthorizeEndpoint,
    cfgCxoneTokenEndpoint: PC_Cfg_CxoneTokenEndpoint,
    cfgCxoneClientId: PC_Cfg_CxoneClientId,
    cfgCxoneTenantId: PC_Cfg_CxoneTenantId,
    cfgCxoneAgentId: PC_Cfg_CxoneAgentId,
    cfgCxoneRedirectUri: PC_Cfg_CxoneRedirectUri,
    cfgValueOne: PC_Cfg_ValueOne,
    cfgValueTwo: PC_Cfg_ValueTwo,
    cfgPageProperty: PC_Cfg_PageProperty,
    cfgContactTab: PC_Cfg_ContactTab,
    cfgRuleSets: PC_Cfg_RuleSets,
    cfgContactTimeZoneField: PC_Cfg_ContactTimeZoneField,
    cfgContactCountryField: PC_Cfg_ContactCountryField,
    cfgContactStateField: PC_Cfg_ContactStateField,
    ahFromSalesforce: PC_AH_FromSalesforce,
    ahUnknown: PC_AH_Unknown,
    rsErrDateFormat: PC_RsErr_DateFormat,
    rsErrMonthOutOfRange: PC_RsErr_MonthOutOfRange,
    rsErrDayOutOfRange: PC_RsErr_DayOutOfRange,
    rsErrTimeFormat: PC_RsErr_TimeFormat,
    rsErrHourOutOfRange: PC_RsErr_HourOutOfRange,
    rsErrMinuteOutOfRange: PC_RsErr_MinuteOutOfRange,
    rsErrNumberTooShort: PC_RsErr_NumberTooShort,
    rsErrNumberTooLong: PC_RsErr_NumberTooLong,
    rsErrNotANumber: PC_RsErr_NotANumber,
    rsErrNumberHasExtension: PC_RsErr_NumberHasExtension,
    reschedDateHint: PC_Resched_DateHint,
    reschedTimeHint: PC_Resched_TimeHint,
    reschedZonePlaceholder: PC_Resched_ZonePlaceholder,
    reschedZoneNoMatch: PC_Resched_ZoneNoMatch,
    reschedZoneCount: PC_Resched_ZoneCount,
    reschedWhenContact: PC_Resched_WhenContact,
    reschedWhenAgent: PC_Resched_WhenAgent,
    reschedZoneNotKept: PC_Resched_ZoneNotKept,
    reschedOnlyTarget: PC_Resched_OnlyTarget,
    confirmReschedule: PC_Confirm_Reschedule,
    confirmRescheduleSameZone: PC_Confirm_RescheduleSameZone,
    confirmAccept: PC_Confirm_Accept,
    confirmRequeue: PC_Confirm_Requeue,
    confirmSnooze: PC_Confirm_Snooze,
    confirmDisposition: PC_Confirm_Disposition,
    confirmDismiss: PC_Confirm_Dismiss,
    msgCallbackNotes: PC_Msg_CallbackNotes,
    callTimeInStatus: PC_Call_TimeInStatus,
    callTalkTime: PC_Call_TalkTime,
    callTransferAgentPlaceholder: PC_Call_TransferAgentPlaceholder,
    callTransferNumberPlaceholder: PC_Call_TransferNumberPlaceholder,
    callTransferAgentHelp: PC_Call_TransferAgentHelp,
    callTransferNumberHelp: PC_Call_TransferNumberHelp,
    callTransferAgentLabel: PC_Call_TransferAgentLabel,
    callTransferNumberLabel: PC_Call_TransferNumberLabel,
    callTransferSkillLabel: PC_Call_TransferSkillLabel,
    errDetails: PC_Err_Details,
    shortcutsTitle: PC_Shortcuts_Title,
    shortcutsIntro: PC_Shortcuts_Intro,
    shortcutsAction: PC_Shortcuts_Action,
    shortcutsKeys: PC_Shortcuts_Keys,
    outTransferred: PC_Out_Transferred,
    previewDispositionToggle: PC_Preview_DispositionToggle,
    confirmWrapUp: PC_Confirm_WrapUp,
    confirmWrapUpAtZero: PC_Confirm_WrapUpAtZero,
    confirmAnsweringMachine: PC_Confirm_AnsweringMachine,
    confirmFax: PC_Confirm_Fax,
    confirmBadNumber: PC_Confirm_BadNumber,
    confirmVoicemail: PC_Confirm_Voicemail,
    confirmLogout: PC_Confirm_Logout,
    wrapUpTimeLeft: PC_WrapUp_TimeLeft,
    wrapUpAnnounce: PC_WrapUp_Announce,
    wrapUpTimedOut: PC_WrapUp_TimedOut,
    wrapUpAtZeroDisposition: PC_WrapUp_AtZeroDisposition,
    wrapUpAtZeroUnavailable: PC_WrapUp_AtZeroUnavailable,
    cfgWrapUpLimit: PC_Cfg_WrapUpLimit,
    cfgWrapUpSkillLimits: PC_Cfg_WrapUpSkillLimits,
    cfgWrapUpDefaultDisposition: PC_Cfg_WrapUpDefaultDisposition,
    cfgWrapUpAtZero: PC_Cfg_WrapUpAtZero,
    cfgNotesRequiredDispositions: PC_Cfg_NotesRequiredDispositions,
    scoreTitle: PC_Score_Title,
    scoreIntro: PC_Score_Intro,
    scoreCallsHandled: PC_Score_CallsHandled,
    scoreLiveConnects: PC_Score_LiveConnects,
    scoreConnectRate: PC_Score_ConnectRate,
    scoreTalkTime: PC_Score_TalkTime,
    scoreAverageWrapUp: PC_Score_AverageWrapUp,
    scoreCallbacksBooked: PC_Score_CallbacksBooked,
    scoreAnsweringMachines: PC_Score_AnsweringMachines,
    outVoicemailLeft: PC_Out_VoicemailLeft,
    callDropVoicemail: PC_Call_DropVoicemail,
    callFailed: PC_Call_Failed,
    dialTitle: PC_Dial_Title,
    dialCall: PC_Dial_Call,
    dialNone: PC_Dial_None,
    dialSent: PC_Dial_Sent,
    dialPhone: PC_Dial_Phone,
    dialMobile: PC_Dial_Mobile,
    dialHomePhone: PC_Dial_HomePhone,
    dialOtherPhone: PC_Dial_OtherPhone,
    callableColumn: PC_Callable_Column,
    callableNow: PC_Callable_Now,
    callableAfter: PC_Callable_After,
    callableWarn: PC_Callable_Warn,
    callableWarnOpen: PC_Callable_WarnOpen,
    callableNo: PC_Callable_No,
    callableWindowRule: PC_Callable_WindowRule,
    callableLimitRule: PC_Callable_LimitRule,
    callableDnc: PC_Callable_Dnc,
    callableDialer: PC_Callable_Dialer,
    errOmniChannel: PC_Err_OmniChannel,
    cpErrCompliance: PC_Cp_ErrCompliance,
    cpCallAnyway: PC_Cp_CallAnyway,
    cpCallAnywayNamed: PC_Cp_CallAnywayNamed,
    cpTransferAnyway: PC_Cp_TransferAnyway,
    cpTransferAnywayNamed: PC_Cp_TransferAnywayNamed,
    cpSaveAnyway: PC_Cp_SaveAnyway,
    cpRsBlocked: PC_Cp_RsBlocked,
    cpRsWarned: PC_Cp_RsWarned,
    cpTimeWindow: PC_Cp_TimeWindow,
    cpCallbackRefused: PC_Cp_CallbackRefused
});

/** A key of LABELS. */
export type LabelKey = keyof typeof LABELS;

/** The name of each call status, exactly as "Names the UI uses" (CL-1). */
export const CALL_STATUS_LABELS: Readonly<Record<CallStatus, string>> = Object.freeze({
    [CallStatus.Dialing]: LABELS.statusDialing,
    [CallStatus.Ringing]: LABELS.statusRinging,
    [CallStatus.Amd]: LABELS.statusAMD,
    [CallStatus.Active]: LABELS.statusActive,
    [CallStatus.Held]: LABELS.statusHeld,
    [CallStatus.Ended]: LABELS.statusEnded
});

/** The name of each agent state (AV-1). */
export const AGENT_STATUS_LABELS: Readonly<Record<AgentStatus, string>> = Object.freeze({
    [AgentStatus.LoggedOut]: LABELS.agentLoggedOut,
    [AgentStatus.Available]: LABELS.agentAvailable,
    [AgentStatus.Unavailable]: LABELS.agentUnavailable,
    [AgentStatus.Working]: LABELS.agentWorking
});

/** The display text of each reason of SP-3. */
export const UNAVAILABLE_REASON_LABELS: Readonly<Record<DestinationUnavailableReason, string>> = Object.freeze({
    [DestinationUnavailableReason.Exhausted]: LABELS.reasonExhausted,
    [DestinationUnavailableReason.Finalized]: LABELS.reasonFinalized,
    [DestinationUnavailableReason.Dnc]: LABELS.reasonDNC,
    [DestinationUnavailableReason.LastOutcomeNotActiveForCalling]: LABELS.reasonLastOutcomeNotActive,
    [DestinationUnavailableReason.DestinationNotActive]: LABELS.reasonDestinationNotActive,
    [DestinationUnavailableReason.MaxAnsweringMachineDetections]: LABELS.reasonMaxAMD,
    [DestinationUnavailableReason.DestinationNotInCadence]: LABELS.reasonNotInCadence,
    [DestinationUnavailableReason.Presented]: LABELS.reasonPresented
});

/** The display text of each outcome. */
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = Object.freeze({
    [Outcome.Live]: LABELS.outLive,
    [Outcome.AnsweringMachine]: LABELS.outAnsweringMachine,
    [Outcome.Fax]: LABELS.outFax,
    [Outcome.BadNumber]: LABELS.outBadNumber,
    [Outcome.NoAnswer]: LABELS.outNoAnswer,
    [Outcome.Busy]: LABELS.outBusy,
    [Outcome.Refused]: LABELS.outRefused,
    [Outcome.WrongNumber]: LABELS.outWrongNumber,
    [Outcome.DoNotCall]: LABELS.outDoNotCall,
    [Outcome.Rescheduled]: LABELS.outRescheduled,
    [Outcome.Requeued]: LABELS.outRequeued,
    [Outcome.Snoozed]: LABELS.outSnoozed,
    [Outcome.RoutedToAnotherAgent]: LABELS.outRouted,
    [Outcome.Completed]: LABELS.outCompleted,
    [Outcome.Sale]: LABELS.outSale,
    [Outcome.Abandoned]: LABELS.outAbandoned,
    [Outcome.Transferred]: LABELS.outTransferred,
    [Outcome.VoicemailLeft]: LABELS.outVoicemailLeft
});

/** The readable message of each error code. */
export const ERROR_CODE_LABELS: Readonly<Record<ErrorCode, string>> = Object.freeze({
    [ErrorCode.Rejected]: LABELS.errRejected,
    [ErrorCode.Timeout]: LABELS.errTimeout,
    [ErrorCode.NotConnected]: LABELS.errNotConnected,
    [ErrorCode.InvalidState]: LABELS.errInvalidState,
    [ErrorCode.Network]: LABELS.errNetwork,
    [ErrorCode.Unauthorized]: LABELS.errUnauthorized,
    [ErrorCode.SessionEnded]: LABELS.errSessionEnded,
    [ErrorCode.Protocol]: LABELS.errProtocol,
    [ErrorCode.Unsupported]: LABELS.errUnsupported,
    [ErrorCode.InFlight]: LABELS.errInFlight,
    [ErrorCode.NotFound]: LABELS.errNotFound,
    [ErrorCode.Permission]: LABELS.errPermission,
    [ErrorCode.Compliance]: LABELS.cpErrCompliance,
    [ErrorCode.Unavailable]: LABELS.errUnavailable,
    [ErrorCode.Unknown]: LABELS.errUnknown
});

/** Where an error came from, as the error panel names it. */
export const ERROR_SOURCE_LABELS: Readonly<Record<ErrorSource, string>> = Object.freeze({
    [ErrorSource.Dialer]: LABELS.errDialer,
    [ErrorSource.Salesforce]: LABELS.errSalesforce,
    [ErrorSource.Validation]: LABELS.errValidation,
    [ErrorSource.Configuration]: LABELS.errConfiguration,
    [ErrorSource.OmniChannel]: LABELS.errOmniChannel
});

/** The message beside a reschedule field for each issue (RS-2, RS-3, BX-3). */
export const RESCHEDULE_ERROR_LABELS: Readonly<Record<RescheduleErrorCode, string>> = Object.freeze({
    [RescheduleErrorCode.Required]: LABELS.rsErrRequired,
    [RescheduleErrorCode.InvalidNumber]: LABELS.rsErrInvalidNumber,
    [RescheduleErrorCode.ForeignNumber]: LABELS.rsErrForeignNumber,
    [RescheduleErrorCode.InvalidDate]: LABELS.rsErrInvalidDate,
    [RescheduleErrorCode.InvalidTime]: LABELS.rsErrInvalidTime,
    [RescheduleErrorCode.NotInFuture]: LABELS.rsErrNotInFuture,
    [RescheduleErrorCode.TooFarAhead]: LABELS.rsErrTooFarAhead,
    [RescheduleErrorCode.UnknownZone]: LABELS.rsErrUnknownZone,
    [RescheduleErrorCode.NonexistentLocalTime]: LABELS.rsErrNonexistentLocalTime,
    [RescheduleErrorCode.AmbiguousLocalTime]: LABELS.rsErrAmbiguousLocalTime,
    [RescheduleErrorCode.NotesTooLong]: LABELS.rsErrNotesTooLong,
    [RescheduleErrorCode.ComplianceBlocked]: LABELS.cpRsBlocked,
    [RescheduleErrorCode.ComplianceWarning]: LABELS.cpRsWarned,
    [RescheduleErrorCode.InvalidDeliverTo]: LABELS.rsErrInvalidDeliverTo,
    [RescheduleErrorCode.DateFormat]: LABELS.rsErrDateFormat,
    [RescheduleErrorCode.MonthOutOfRange]: LABELS.rsErrMonthOutOfRange,
    [RescheduleErrorCode.DayOutOfRange]: LABELS.rsErrDayOutOfRange,
    [RescheduleErrorCode.TimeFormat]: LABELS.rsErrTimeFormat,
    [RescheduleErrorCode.HourOutOfRange]: LABELS.rsErrHourOutOfRange,
    [RescheduleErrorCode.MinuteOutOfRange]: LABELS.rsErrMinuteOutOfRange,
    [RescheduleErrorCode.NumberTooShort]: LABELS.rsErrNumberTooShort,
    [RescheduleErrorCode.NumberTooLong]: LABELS.rsErrNumberTooLong,
    [RescheduleErrorCode.NotANumber]: LABELS.rsErrNotANumber,
    [RescheduleErrorCode.NumberHasExtension]: LABELS.rsErrNumberHasExtension
});

/** The button name of each preview action (PV-2 .. PV-5, BX-7). */
export const PREVIEW_ACTION_LABELS: Readonly<Record<PreviewAction, string>> = Object.freeze({
    [PreviewAction.Accept]: LABELS.accept,
    [PreviewAction.Requeue]: LABELS.requeue,
    [PreviewAction.Reschedule]: LABELS.reschedule,
    [PreviewAction.Snooze]: LABELS.snooze,
    [PreviewAction.Disposition]: LABELS.closeWithoutDialing
});

/** The button name of each machine override (AM-1). */
export const MACHINE_OVERRIDE_LABELS: Readonly<Record<MachineOverride, string>> = Object.freeze({
    [MachineOverride.AnsweringMachine]: LABELS.answeringMachine,
    [MachineOverride.Fax]: LABELS.fax,
    [MachineOverride.BadNumber]: LABELS.badNumber
});

/** The name of each kind of agent message (AG-1). */
export const MESSAGE_KIND_LABELS: Readonly<Record<MessageKind, string>> = Object.freeze({
    [MessageKind.Callback]: LABELS.msgCallback,
    [MessageKind.Routed]: LABELS.msgRouted,
    [MessageKind.Info]: LABELS.msgInfo,
    [MessageKind.Warning]: LABELS.msgWarning
});

/** The fixed part of each connection state's text; Reconnecting and Failed add what is happening. */
export const CONNECTION_LABELS: Readonly<Record<ConnectionStatus, string>> = Object.freeze({
    [ConnectionStatus.Disconnected]: LABELS.connDisconnected,
    [ConnectionStatus.Connecting]: LABELS.connConnecting,
    [ConnectionStatus.Connected]: LABELS.connConnected,
    [ConnectionStatus.Reconnecting]: LABELS.connReconnecting,
    [ConnectionStatus.Failed]: LABELS.connFailed,
    [ConnectionStatus.Mirroring]: LABELS.connMirroring,
    [ConnectionStatus.Resynchronising]: LABELS.connResynchronising
});

/** What is wrong with a setting, by problem code (AD-3). */
export const SETTINGS_PROBLEM_LABELS: Readonly<Record<SettingsProblem['code'], string>> = Object.freeze({
    Missing: LABELS.cfgMissing,
    OutOfRange: LABELS.cfgOutOfRange,
    Invalid: LABELS.cfgInvalid,
    UnknownField: LABELS.cfgUnknownField
});

/** The admin's name of each setting a configuration problem can name (AD-3). */
const SETTING_NAME_LABELS: Readonly<Record<string, string>> = Object.freeze({
    linesPerAgent: LABELS.cfgLinesPerAgent,
    previewEnabled: LABELS.cfgPreviewEnabled,
    rescheduleEnabled: LABELS.cfgRescheduleEnabled,
    screenPopsEnabled: LABELS.cfgScreenPopsEnabled,
    attemptsHistoryEnabled: LABELS.cfgAttemptsHistoryEnabled,
    defaultDeliverTo: LABELS.cfgDefaultDeliverTo,
    callingHoursGuard: LABELS.cfgCallingHoursGuard,
    callingHoursStartMinute: LABELS.cfgCallingHoursStart,
    callingHoursEndMinute: LABELS.cfgCallingHoursEnd,
    notesMaxLength: LABELS.cfgNotesMaxLength,
    dialerAdapter: LABELS.cfgDialerAdapter,
    dialerEndpoint: LABELS.cfgDialerEndpoint,
    cxoneAuthHost: LABELS.cfgCxoneAuthHost,
    cxoneAuthorizeEndpoint: LABELS.cfgCxoneAuthorizeEndpoint,
    cxoneTokenEndpoint: LABELS.cfgCxoneTokenEndpoint,
    cxoneClientId: LABELS.cfgCxoneClientId,
    cxoneTenantId: LABELS.cfgCxoneTenantId,
    cxoneAgentId: LABELS.cfgCxoneAgentId,
    cxoneStation: LABELS.cfgCxoneStation,
    cxoneRedirectUri: LABELS.cfgCxoneRedirectUri,
    valueOne: LABELS.cfgValueOne,
    valueTwo: LABELS.cfgValueTwo,
    contactTab: LABELS.cfgContactTab,
    contactTimeZoneField: LABELS.cfgContactTimeZoneField,
    contactCountryField: LABELS.cfgContactCountryField,
    contactStateField: LABELS.cfgContactStateField,
    ruleSets: LABELS.cfgRuleSets,
    wrapUpLimitSeconds: LABELS.cfgWrapUpLimit,
    wrapUpSkillLimits: LABELS.cfgWrapUpSkillLimits,
    wrapUpDefaultDisposition: LABELS.cfgWrapUpDefaultDisposition,
    wrapUpAtZero: LABELS.cfgWrapUpAtZero,
    notesRequiredDispositions: LABELS.cfgNotesRequiredDispositions
});

/** A setting's name as the admin knows it; `valueOne.field` reads as "Value one (field)"; unknown keys as written. */
export function settingName(setting: string): string {
    // A page's App Builder property (AD-4) reads as the setting it overrides, marked as the page's.
    if (setting.startsWith('page.')) return formatLabel(LABELS.cfgPageProperty, [settingName(setting.slice(5))]);
    const [head = '', ...rest] = setting.split('.');
    const name = Object.prototype.hasOwnProperty.call(SETTING_NAME_LABELS, head) ? SETTING_NAME_LABELS[head]! : head;
    return rest.length ? `${name} (${rest.join('.')})` : name;
}

/**
 * Fills a label's placeholders: `{0}`, `{1}` ... from an array, or `{name}` from a record. A placeholder
 * with no value is left as written, so a translation error shows instead of vanishing.
 */
export function formatLabel(
    label: string,
    params: readonly (string | number)[] | Readonly<Record<string, string | number>>
): string {
    const lookup = params as Readonly<Record<string, string | number | undefined>>;
    return label.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
        const value = lookup[name];
        return value === undefined ? whole : String(value);
    });
}

// Compliance texts (CP-3), written in ./complianceText from these labels.
const COMPLIANCE_LABELS: compliance.ComplianceLabels = Object.freeze({
    PC_Cp_Window,
    PC_Cp_ContactLimit,
    PC_Cp_DestinationLimit,
    PC_Cp_Dnc,
    PC_Cp_CallableIn,
    PC_Cp_CallableAt,
    PC_Cp_NotCallable,
    PC_Cp_Hours,
    PC_Cp_Days,
    PC_Cp_WaitMinutes,
    PC_Cp_WaitHours,
    PC_Cp_Refused,
    PC_Cp_WarnConfirm
});

/** One compliance finding in plain words (CP-3), as of the instant asked about. */
export function complianceText(finding: ComplianceFinding, now: Instant): string {
    return compliance.complianceText(COMPLIANCE_LABELS, finding, now);
}

/** A refusal in words: "Not allowed now: Florida allows calls 8:00 AM–8:00 PM; …". */
export function complianceRefusal(findings: readonly ComplianceFinding[], now: Instant): string {
    return compliance.complianceRefusal(COMPLIANCE_LABELS, findings, now);
}

/** The one more confirmation a warning asks for, saying the override is logged. */
export function complianceWarning(findings: readonly ComplianceFinding[], now: Instant): string {
    return compliance.complianceWarning(COMPLIANCE_LABELS, findings, now);
}

// Attempts History's Callable (CP-4), written in ./callableText from these labels.
const CALLABLE_LABELS: callable.CallableLabels = Object.freeze({
    now: PC_Callable_Now,
    after: PC_Callable_After,
    warn: PC_Callable_Warn,
    warnOpen: PC_Callable_WarnOpen,
    no: PC_Callable_No,
    windowRule: PC_Callable_WindowRule,
    limitRule: PC_Callable_LimitRule,
    dnc: PC_Callable_Dnc,
    hours: PC_Cp_Hours,
    days: PC_Cp_Days,
    dialerReason: (reason: string): string =>
        formatLabel(PC_Callable_Dialer, [UNAVAILABLE_REASON_LABELS[reason as DestinationUnavailableReason] ?? reason])
});

/** One destination's Callable in words (CP-4): "Now", "after 8:00 AM Eastern Time (Florida hours)", … */
export function callableText(c: DestinationCallable, now: Instant): string {
    return callable.callableText(CALLABLE_LABELS, c, now);
}
