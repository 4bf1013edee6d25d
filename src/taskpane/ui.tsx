// Small parts of the pane drawn with Fluent UI v9's tokens instead of Fluent's own components:
// the step tabs, a collapsible section, a status badge, a labelled control, a separator and a
// link-style button. They look and behave like Fluent's TabList, Accordion, Badge, Field,
// Divider and Link for the one way the pane uses each, at a fraction of the script those
// components bring with them.
import { createCustomFocusIndicatorStyle, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';

const useStyles = makeStyles({
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

/** A button that looks like a link (Fluent's Link as a button). */
export function LinkButton(props: { onClick: () => void; 'aria-label'?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <button type="button" className={styles.link} onClick={props.onClick} aria-label={props['aria-label']}>
      {props.children}
    </button>
  );
}
