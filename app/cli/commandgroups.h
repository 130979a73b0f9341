#pragma once

#include "cli/commandgroup.h"

namespace crsync::cli {

// The command groups of `crsync`, one file each. To add a group: write <group>commands.cpp
// defining its factory, declare the factory here, and list it in allGroups() in cli.cpp.
CommandGroup instanceCommands(); // instancecommands.cpp
CommandGroup ruleCommands();     // rulecommands.cpp
CommandGroup syncCommands();     // synccommands.cpp: sync NAME [--wait]
CommandGroup cancelCommands();   // synccommands.cpp: cancel TASK_ID
CommandGroup logCommands();      // logcommands.cpp: log [list], log show TASK_ID
CommandGroup daemonCommands();   // daemoncommands.cpp: daemon [--listen HOST:PORT]
CommandGroup webhookCommands();  // daemoncommands.cpp: webhook secret|url
Subcommand rulePreviewCommand(); // previewcommand.cpp: rule preview NAME (added to "rule")
Subcommand ruleScheduleCommand(); // daemoncommands.cpp: rule schedule NAME SPEC|off (added to "rule")
Subcommand instancePollCommand(); // daemoncommands.cpp: instance poll NAME SECONDS (added to "instance")

} // namespace crsync::cli
