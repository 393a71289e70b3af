import "./rounds.css";

export default function RoundsLayout({ children }: { children: React.ReactNode }) {
  return children;
}
