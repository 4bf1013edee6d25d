// Small parts of the pane drawn with Fluent UI v9's tokens instead of Fluent's own components:
// the step tabs, a collapsible section, a status badge, a labelled control, a separator, a
// link-style button, a message bar and a progress bar. They look and behave like Fluent's
// TabList, Accordion, Badge, Field, Divider, Link, MessageBar and ProgressBar for the one way the pane uses each, at a fraction
// of the script those components bring with them.
import { createCustomFocusIndicatorStyle, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';

const useStyles = makeStyles({
  // An entry of a list of results (goals, checks): a column of texts, a line below.
  entry: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    textAlign: 'left',
    gap: '2px',
    padding: '6px 4px',
    border: 'none',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    background: 'none',
    font: 'inherit',
    width: '100%',
  },
  entryClickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  // Tabs that do not fit on one line (a narrow pane, large text) wrap instead of being cut off.
  tabList: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap', alignItems: 'stretch', position: 'relative' },
  tab: {
    position: 'relative',
    display: 'grid',
    alignItems: 'center',
    justifyContent: 'center',
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorTransparentBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ':active': { backgroundColor: tokens.colorTransparentBackgroundPressed, color: tokens.colorNeutralForeground2Pressed },
    // The line under a tab: grey while hovered, the brand colour under the selected one.
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
      bottom: 0,
      height: tokens.strokeWidthThick,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorTransparentStroke,
    },
    ':hover::after': { backgroundColor: tokens.colorNeutralStroke1Hover },
    ':active::after': { backgroundColor: tokens.colorNeutralStroke1Pressed },
    '@media (forced-colors: active)': { ':hover::after': { backgroundColor: 'Highlight' } },
  },
  tabSelected: {
    color: tokens.colorNeutralForeground1,
    ':hover': { color: tokens.colorNeutralForeground1Hover },
    ':active': { color: tokens.colorNeutralForeground1Pressed },
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    ':active::after': { backgroundColor: tokens.colorCompoundBrandStrokePressed },
    '@media (forced-colors: active)': { '::after': { backgroundColor: 'ButtonText' }, ':hover::after': { backgroundColor: 'ButtonText' } },
  },
  // The text and, hidden in the same cell, its bold form: the tab keeps its width when selected.
  tabText: { ...typographyStyles.body1, gridArea: '1 / 1', padding: `0 ${tokens.spacingHorizontalXXS}` },
  tabTextSelected: { ...typographyStyles.body1Strong },
  tabTextReserved: { ...typographyStyles.body1Strong, visibility: 'hidden' },
  // The focus ring of Fluent's Tab, shown when the keyboard moved the focus.
  focus: {
    ':focus-visible': { outlineStyle: 'none' },
    ...createCustomFocusIndicatorStyle({
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: 'transparent',
      outlineStyle: 'solid',
      boxShadow: `${tokens.shadow4}, 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus2}`,
      zIndex: 1,
    }),
  },
  disclosure: {
    position: 'relative',
    display: 'flex',
    alignItems: 'center',
    width: '100%',
    minHeight: '32px',
    margin: 0,
    padding: `0 ${tokens.spacingHorizontalM} 0 ${tokens.spacingHorizontalMNudge}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'start',
    cursor: 'pointer',
  },
  chevron: { display: 'flex', paddingRight: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase500, transitionProperty: 'transform', transitionDuration: tokens.durationNormal },
  chevronOpen: { transform: 'rotate(90deg)' },
  badge: {
    position: 'relative',
    display: 'inline-flex',
    boxSizing: 'border-box',
    alignItems: 'center',
    justifyContent: 'center',
    ...typographyStyles.caption1Strong,
    height: '20px',
    minWidth: '20px',
    padding: `0 calc(${tokens.spacingHorizontalXS} + ${tokens.spacingHorizontalXXS})`,
    borderRadius: tokens.borderRadiusCircular,
    // A border only high contrast shows.
    '::after': { content: '""', position: 'absolute', inset: 0, border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`, borderRadius: 'inherit' },
  },
  success: { backgroundColor: tokens.colorPaletteGreenBackground3, color: tokens.colorNeutralForegroundOnBrand },
  danger: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground3, color: tokens.colorNeutralForeground1Static },
  informative: { backgroundColor: tokens.colorNeutralBackground5, color: tokens.colorNeutralForeground3 },
  field: { display: 'grid' },
  fieldLabel: {
    maxWidth: 'max-content',
    padding: `${tokens.spacingVerticalXXS} 0`,
    marginBottom: tokens.spacingVerticalXXS,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
  },
  separator: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  panel: { margin: `0 ${tokens.spacingHorizontalM}` },
  // Fluent's MessageBar as it lays out a message that wraps (its multiline layout).
  notice: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    alignItems: 'start',
    boxSizing: 'border-box',
    minHeight: '36px',
    padding: `${tokens.spacingVerticalMNudge} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    ...typographyStyles.body1,
  },
  noticeIcon: { display: 'flex', alignItems: 'center', marginRight: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase500, color: tokens.colorNeutralForeground3 },
  noticeTitle: { ...typographyStyles.body1Strong, '::after': { content: '" "' } },
  noticeError: { backgroundColor: tokens.colorStatusDangerBackground1, borderTopColor: tokens.colorStatusDangerBorder1, borderRightColor: tokens.colorStatusDangerBorder1, borderBottomColor: tokens.colorStatusDangerBorder1, borderLeftColor: tokens.colorStatusDangerBorder1 },
  noticeWarning: { backgroundColor: tokens.colorStatusWarningBackground1, borderTopColor: tokens.colorStatusWarningBorder1, borderRightColor: tokens.colorStatusWarningBorder1, borderBottomColor: tokens.colorStatusWarningBorder1, borderLeftColor: tokens.colorStatusWarningBorder1 },
  noticeSuccess: { backgroundColor: tokens.colorStatusSuccessBackground1, borderTopColor: tokens.colorStatusSuccessBorder1, borderRightColor: tokens.colorStatusSuccessBorder1, borderBottomColor: tokens.colorStatusSuccessBorder1, borderLeftColor: tokens.colorStatusSuccessBorder1 },
  noticeIconError: { color: tokens.colorStatusDangerForeground1 },
  noticeIconWarning: { color: tokens.colorStatusWarningForeground3 },
  noticeIconSuccess: { color: tokens.colorStatusSuccessForeground1 },
  // Fluent's ProgressBar, medium and rounded.
  progress: {
    display: 'block',
    width: '100%',
    height: '2px',
    overflow: 'hidden',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground6,
    '@media screen and (forced-colors: active)': { backgroundColor: 'CanvasText' },
  },
  progressBar: {
    height: '100%',
    borderRadius: 'inherit',
    backgroundColor: tokens.colorCompoundBrandBackground,
    transitionProperty: 'width',
    transitionDuration: '0.3s',
    transitionTimingFunction: 'ease',
    '@media screen and (forced-colors: active)': { backgroundColor: 'Highlight' },
  },
  progressIndeterminate: {
    position: 'relative',
    width: '33%',
    backgroundImage: `linear-gradient(to right, ${tokens.colorNeutralBackground6} 0%, ${tokens.colorTransparentBackground} 50%, ${tokens.colorNeutralBackground6} 100%)`,
    animationName: { '0%': { left: '-33%' }, '100%': { left: '100%' } },
    animationDuration: '3s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'linear',
    '@media screen and (prefers-reduced-motion: reduce)': { width: '100%', animationName: 'none' },
  },
  link: {
    display: 'inline',
    margin: 0,
    padding: 0,
    border: 'none',
    backgroundColor: 'transparent',
    color: tokens.colorBrandForegroundLink,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'left',
    textDecorationLine: 'none',
    textDecorationThickness: tokens.strokeWidthThin,
    cursor: 'pointer',
    ':hover': { textDecorationLine: 'underline', color: tokens.colorBrandForegroundLinkHover },
    ':active': { textDecorationLine: 'underline', color: tokens.colorBrandForegroundLinkPressed },
    ':focus-visible': { outlineStyle: 'none' },
    // The focus shown as a double underline, as Fluent's Link does.
    ...createCustomFocusIndicatorStyle({ textDecorationColor: tokens.colorStrokeFocus2, textDecorationLine: 'underline', textDecorationStyle: 'double', outlineStyle: 'none' }),
  },
});

/**
 * A row of tabs (Fluent's small TabList): the selected tab is reached with Tab, the arrow keys
 * (and Home, End) move between tabs, Enter, Space or a click selects one.
 */
export function Tabs<T extends string>(props: { tabs: readonly (readonly [T, string])[]; selected: T; onSelect: (value: T) => void }) {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])];
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : undefined;
    if (to === undefined) return;
    e.preventDefault();
    tabs[(to + tabs.length) % tabs.length]?.focus();
  };
  return (
    <div ref={list} role="tablist" aria-orientation="horizontal" className={styles.tabList} onKeyDown={onKeyDown}>
      {props.tabs.map(([value, label]) => {
        const selected = value === props.selected;
        return (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            className={mergeClasses(styles.tab, styles.focus, selected && styles.tabSelected)}
            onClick={() => props.onSelect(value)}
          >
            <span className={mergeClasses(styles.tabText, selected && styles.tabTextSelected)}>{label}</span>
            <span className={mergeClasses(styles.tabText, styles.tabTextReserved)} aria-hidden>
              {label}
            </span>
          </button>
        );
      })}
    </div>
  );
}

/** A section shown or hidden by its header button (Fluent's collapsible Accordion with one small item). */
export function Collapsible(props: { header: string; open: boolean; onToggle: (open: boolean) => void; children: ReactNode }) {
  const styles = useStyles();
  const panel = useId();
  return (
    <div>
      <button type="button" className={mergeClasses(styles.disclosure, styles.focus)} aria-expanded={props.open} aria-controls={panel} onClick={() => props.onToggle(!props.open)}>
        <span className={mergeClasses(styles.chevron, props.open && styles.chevronOpen)} aria-hidden>
          <svg width="1em" height="1em" viewBox="0 0 20 20" fill="currentColor">
            <path d="M7.65 4.15c.2-.2.5-.2.7 0l5.49 5.46c.21.22.21.57 0 .78l-5.49 5.47a.5.5 0 0 1-.7-.71L12.8 10 7.65 4.85a.5.5 0 0 1 0-.7" />
          </svg>
        </span>
        {props.header}
      </button>
      <div id={panel} className={styles.panel} hidden={!props.open}>
        {props.open && props.children}
      </div>
    </div>
  );
}

export type BadgeColor = 'success' | 'danger' | 'warning' | 'informative';

/** A filled, round badge (Fluent's Badge, medium). */
export function StatusBadge(props: { color: BadgeColor; children: ReactNode }) {
  const styles = useStyles();
  return <span className={mergeClasses(styles.badge, styles[props.color])}>{props.children}</span>;
}

/** A control with its label above it (Fluent's small Field); `htmlFor` is the control's id. */
export function LabeledControl(props: { label: string; htmlFor: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.field}>
      <label className={styles.fieldLabel} htmlFor={props.htmlFor}>
        {props.label}
      </label>
      {props.children}
    </div>
  );
}

/** A horizontal line between parts of the pane (Fluent's Divider without content). */
export function Separator() {
  const styles = useStyles();
  return <div role="separator" aria-orientation="horizontal" className={styles.separator} />;
}

/**
 * An entry of a list of results: a button that runs `onSelect` (select its cell or row in
 * Excel), or plain content where there is nothing to select.
 */
export function ListEntry(props: { onSelect?: () => void; 'aria-label': string; 'data-status'?: string; children: ReactNode }) {
  const styles = useStyles();
  return props.onSelect ? (
    <button type="button" className={mergeClasses(styles.entry, styles.entryClickable)} onClick={props.onSelect} aria-label={props['aria-label']} data-status={props['data-status']}>
      {props.children}
    </button>
  ) : (
    <div className={styles.entry} aria-label={props['aria-label']} data-status={props['data-status']}>
      {props.children}
    </div>
  );
}

/** A button that looks like a link (Fluent's Link as a button). */
export function LinkButton(props: { onClick: () => void; 'aria-label'?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <button type="button" className={styles.link} onClick={props.onClick} aria-label={props['aria-label']}>
      {props.children}
    </button>
  );
}

/** A thin progress bar (Fluent's ProgressBar): `value` from 0 to 1, or moving to and fro while undefined. */
export function Progress(props: { value?: number; 'aria-label': string }) {
  const styles = useStyles();
  const { value } = props;
  return (
    <div role="progressbar" aria-label={props['aria-label']} aria-valuemin={value !== undefined ? 0 : undefined} aria-valuemax={value !== undefined ? 1 : undefined} aria-valuenow={value} className={styles.progress}>
      <div className={mergeClasses(styles.progressBar, value === undefined && styles.progressIndeterminate)} style={value !== undefined ? { width: `${Math.min(100, Math.max(0, value * 100))}%` } : undefined} />
    </div>
  );
}

export type NoticeIntent = 'info' | 'success' | 'warning' | 'error';

/** Fluent's 20 px filled icons of MessageBar's intents (InfoFilled, CheckmarkCircleFilled, WarningFilled, DiamondDismissFilled). */
const NOTICE_ICONS: Record<NoticeIntent, string> = {
  info: 'M18 10a8 8 0 1 0-16 0 8 8 0 0 0 16 0M9.5 8.91a.5.5 0 0 1 1 0v4.69a.5.5 0 0 1-1 0V8.9m-.25-2.16a.75.75 0 1 1 1.5 0 .75.75 0 0 1-1.5 0',
  success:
    'M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m3.36 5.65a.5.5 0 0 0-.64-.06l-.07.06L9 11.3 7.35 9.65l-.07-.06a.5.5 0 0 0-.7.7l.07.07 2 2 .07.06c.17.11.4.11.56 0l.07-.06 4-4 .07-.08a.5.5 0 0 0-.06-.63',
  warning: 'M7.37 3.56a3 3 0 0 1 5.26 0l5.5 10A3 3 0 0 1 15.5 18h-11a3 3 0 0 1-2.63-4.44zM10 12.75a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5m0-6.25a.5.5 0 0 0-.5.5v4a.5.5 0 0 0 1 0V7a.5.5 0 0 0-.5-.5',
  error:
    'M7.88 1.88a3 3 0 0 1 4.24 0l6 6a3 3 0 0 1 0 4.24l-6 6a3 3 0 0 1-4.24 0l-6-6a3 3 0 0 1 0-4.24zM13.1 6.9a.5.5 0 0 0-.7 0L10 9.3 7.6 6.9a.5.5 0 0 0-.7.7L9.3 10l-2.4 2.4a.5.5 0 0 0 .7.7l2.4-2.4 2.4 2.4a.5.5 0 0 0 .7-.7L10.7 10l2.4-2.4a.5.5 0 0 0 0-.7',
};

/**
 * A message with its intent's icon and colours (Fluent's MessageBar with a MessageBarBody and
 * an optional MessageBarTitle, laid out to wrap). A live region, as MessageBar announces
 * itself: `alert` for an error, `status` otherwise.
 */
export function Notice(props: { intent: NoticeIntent; title?: ReactNode; children?: ReactNode }) {
  const styles = useStyles();
  const { intent } = props;
  const root = { info: undefined, success: styles.noticeSuccess, warning: styles.noticeWarning, error: styles.noticeError }[intent];
  const icon = { info: undefined, success: styles.noticeIconSuccess, warning: styles.noticeIconWarning, error: styles.noticeIconError }[intent];
  return (
    <div role={intent === 'error' ? 'alert' : 'status'} className={mergeClasses(styles.notice, root)} data-intent={intent}>
      <div className={mergeClasses(styles.noticeIcon, icon)} aria-hidden>
        <svg width="1em" height="1em" viewBox="0 0 20 20" fill="currentColor">
          <path d={NOTICE_ICONS[intent]} />
        </svg>
      </div>
      <div>
        {props.title !== undefined && <span className={styles.noticeTitle}>{props.title}</span>}
        {props.children}
      </div>
    </div>
  );
}
