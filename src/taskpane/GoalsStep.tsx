// Kontrollera mål: the step the ribbon's second button opens. The goal check itself is not
// part of this version; the step says so plainly instead of pretending.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export function GoalsStep() {
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>Kontrollera mål finns inte ännu</MessageBarTitle>
        Målkontrollen (bladet Mål mot bokslut och budget) kommer i en senare version. Generera rapporter fungerar redan.
      </MessageBarBody>
    </MessageBar>
  );
}
