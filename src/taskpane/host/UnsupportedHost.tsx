/**
 * What the pane shows inside an Office host it cannot work in (another application, or an Excel
 * without a required API set): what is missing and where CompAlign runs, never the playground's
 * demo workbook, which a user could take for their own.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
} from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";

export interface UnsupportedHostProps {
  title: string;
  detail: string;
  theme?: Theme;
}

export function UnsupportedHost({ title, detail, theme = webLightTheme }: UnsupportedHostProps) {
  return (
    <FluentProvider theme={theme}>
      <main style={{ padding: 16 }}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{title}</MessageBarTitle> {detail}
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}
