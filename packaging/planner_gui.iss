; Inno Setup 6 script for the Windows installer of planner-gui.
; NOT TRIED YET: written and checked on Linux only (see docs/windows.md).
;
; First build the bundle on Windows (docs/windows.md), which gives
; dist\planner-gui\ with planner-gui.exe and planner-gui-cli.exe, then:
;     iscc packaging\planner_gui.iss
; The installer is written to dist\planner-gui-setup-<version>.exe.
;
; What it does: copies the bundle, adds Start-menu shortcuts, and registers
; the .ghjh plan file type so that double-clicking a plan runs
;     "<install folder>\planner-gui.exe" "<the plan file>"
; (the editor opens the file given as its first argument). Uninstalling
; removes the shortcuts, the files it installed and the file type.
; The installer can install for the current user only (no administrator
; rights needed, the usual case on an office PC) or for all users.

#define AppName "工会工作计划编辑器"
#define AppVersion "0.1.0"
#define AppExe "planner-gui.exe"
#define CliExe "planner-gui-cli.exe"
#define ProgId "PlannerGui.Plan"
#define PlanExt ".ghjh"

[Setup]
; AppId identifies the program for upgrades and uninstalling: never change it.
AppId={{6C4E2B71-93D8-4F0A-B5E6-2A7D91C3F845}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=planner-gui
DefaultDirName={autopf}\planner-gui
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
; Qt 6 runs on 64-bit Windows 10 1809 or later
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
SourceDir=..
OutputDir=dist
OutputBaseFilename=planner-gui-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}

[Languages]
; Chinese is not among Inno Setup's official translations: put
; ChineseSimplified.isl (https://jrsoftware.org/files/istrans/) into Inno
; Setup's Languages folder to get a Chinese installer; English otherwise.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "dist\planner-gui\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .ghjh -> the program's file type (ProgId); HKA is HKCU for a per-user
; install and HKLM for an all-users install.
Root: HKA; Subkey: "Software\Classes\{#PlanExt}"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#PlanExt}\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "工会工作计划"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#PlanExt}"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
